package io.neuralworkbench.app.gui.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.NodeGroup;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.project.NodeBlock;
import org.junit.jupiter.api.Test;

/** The designer's blocks go into the project and come back folded when the project is opened again. */
class DesignViewBlocksTest {
    private final NetworkDescription network = Templates.mlpClassifier(4, 3);
    private final List<String> nodes = network.nodes().stream().map(node -> node.name()).toList();

    @Test
    void blocksGoIntoTheProjectAndComeBackFoldedWithTheirInnerBlocks() {
        NodeGroup inner = new NodeGroup("pair", nodes.subList(1, 3), List.of());
        DesignState grouped = DesignState.laidOut(network)
                .withGroups(List.of(new NodeGroup("body", nodes.subList(1, 4), List.of(inner))));

        List<NodeBlock> stored = DesignView.blocksOf(grouped.groups());
        DesignState reopened = DesignView.stateOf(network, DesignView.layoutOf(grouped), stored);

        assertThat(stored).containsExactly(new NodeBlock("body", nodes.subList(1, 4),
                List.of(new NodeBlock("pair", nodes.subList(1, 3), List.of()))));
        assertThat(reopened.groups()).isEqualTo(grouped.groups());
        assertThat(reopened.groupOf(nodes.get(2))).map(NodeGroup::name).hasValue("body");
    }

    @Test
    void aBlockNamingANodeTheNetworkNoLongerHasIsDropped() {
        List<NodeBlock> stored = List.of(new NodeBlock("gone", List.of(nodes.get(1), "removed layer"), List.of()),
                new NodeBlock("kept", nodes.subList(1, 3), List.of()));

        DesignState reopened = DesignView.stateOf(network, Map.of(), stored);

        assertThat(reopened.groups()).extracting(NodeGroup::name).containsExactly("kept");
    }
}
