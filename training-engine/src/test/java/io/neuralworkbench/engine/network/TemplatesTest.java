package io.neuralworkbench.engine.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {

    @ParameterizedTest
    @EnumSource(Template.class)
    void everyTemplateIsValidWithoutAnyDiagnostic(Template template) {
        assertThat(NetworkValidator.validate(template.example())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Template.class)
    void galleryEntryMatchesItsNetwork(Template template) {
        assertThat(template.description()).isNotBlank();
        assertThat(template.example().name()).isEqualTo(template.title());
    }

    @Test
    void galleryTitlesAreDistinct() {
        assertThat(Arrays.stream(Template.values()).map(Template::title)).doesNotHaveDuplicates();
    }

    @Test
    void mlpsTakeTheirSizesFromTheData() {
        NetworkDescription classifier = Templates.mlpClassifier(7, 5);
        NetworkDescription regressor = Templates.mlpRegressor(7, 2);

        assertThat(layerOf(classifier, "input")).isEqualTo(Layer.Input.flat(7));
        assertThat(layerOf(classifier, "output")).isEqualTo(Layer.Output.classification(5));
        assertThat(layerOf(regressor, "output")).isEqualTo(Layer.Output.regression(2));
        assertThat(NetworkValidator.validate(regressor)).isEmpty();
    }

    @Test
    void imageTemplatesFitOtherImageSizes() {
        NetworkDescription lenet = Templates.lenet(32, 32, 3, 10);
        NetworkDescription residual = Templates.residualCnn(17, 9, 2, 3);

        assertThat(NetworkValidator.validate(lenet)).isEmpty();
        assertThat(ShapeInference.infer(lenet).outputShapes().get("flatten")).isEqualTo(new Shape.Flat(5 * 5 * 50));
        assertThat(NetworkValidator.validate(residual)).isEmpty();
        assertThat(ShapeInference.infer(residual).outputShapes().get("add")).isEqualTo(new Shape.Image(17, 9, 16));
    }

    @Test
    void sequenceTemplatesTakeTheirSizesFromTheData() {
        NetworkDescription text = Templates.textClassifier(500, 20, 4);
        NetworkDescription lstm = Templates.lstmClassifier(6, 0, 2);

        assertThat(layerOf(text, "input")).isEqualTo(Layer.Input.sequence(1, 20));
        assertThat(layerOf(text, "embedding")).isEqualTo(Layer.Embedding.of(500, 32));
        assertThat(layerOf(text, "output")).isEqualTo(Layer.Output.classification(4));
        assertThat(NetworkValidator.validate(lstm)).as("sequences of any length").isEmpty();
        assertThat(layerOf(lstm, "input")).isEqualTo(Layer.Input.sequence(6, 0));
    }

    private static Layer layerOf(NetworkDescription network, String node) {
        return network.node(node).orElseThrow().layer();
    }
}
