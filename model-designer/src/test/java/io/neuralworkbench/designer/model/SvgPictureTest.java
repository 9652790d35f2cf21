package io.neuralworkbench.designer.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralworkbench.designer.commands.GroupNodes;
import io.neuralworkbench.engine.network.Templates;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The SVG picture is well-formed XML with a card per node (or block) and a curve per wire, labelled. */
class SvgPictureTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document svg, String tag) {
        NodeList nodes = svg.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static List<String> texts(Document svg) {
        return elements(svg, "text").stream().map(Element::getTextContent).toList();
    }

    @Test
    void everyNodeIsARectWithItsWordsAndEveryWireACurveWithItsShape() throws Exception {
        DesignerModel model = DesignerModel.of(Templates.lenet(28, 28, 1, 10));
        int nodes = model.network().nodes().size();
        int edges = model.network().edges().size();

        Document svg = parse(SvgPicture.of(model.state(), model.analysis()));

        assertThat(elements(svg, "rect")).hasSize(nodes);
        List<Element> paths = elements(svg, "path");
        assertThat(paths).hasSize(edges);
        assertThat(paths).allSatisfy(path -> assertThat(path.getAttribute("d")).matches("M [-\\d.,]+ C [-\\d.,]+ [-\\d.,]+ [-\\d.,]+"));
        List<String> texts = texts(svg);
        model.network().nodes().forEach(node -> assertThat(texts).contains(node.name()));
        assertThat(texts).contains("Convolution 2D", "→ [24×24×20]", "[24×24×20]"); // card line and wire label
        assertThat(elements(svg, "g").stream().filter(g -> g.getAttribute("class").startsWith("card"))).hasSize(nodes);
        Element root = svg.getDocumentElement();
        assertThat(root.getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(Double.parseDouble(root.getAttribute("width"))).isGreaterThan(CardGeometry.WIDTH);
    }

    @Test
    void aBlockIsOneRectAndTheWiresInsideItAreLeftOut() throws Exception {
        DesignerModel model = DesignerModel.of(Templates.mlpClassifier(4, 3));
        model.execute(new GroupNodes(List.of("dense1", "dense2"), "hidden <2>"));

        Document svg = parse(SvgPicture.of(model.state(), model.analysis()));

        assertThat(elements(svg, "rect")).hasSize(3);
        assertThat(elements(svg, "path")).extracting(p -> p.getAttribute("data-from") + "→" + p.getAttribute("data-to"))
                .containsExactly("input→dense1", "dense2→output");
        assertThat(texts(svg)).contains("hidden <2>", "Block · 2 nodes", "→ [32]");
        assertThat(elements(svg, "g").stream().filter(g -> g.getAttribute("class").equals("block"))).hasSize(1);
    }
}
