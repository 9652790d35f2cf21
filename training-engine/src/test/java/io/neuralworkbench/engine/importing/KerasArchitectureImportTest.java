package io.neuralworkbench.engine.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.InferenceResult;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Loss;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.NetworkValidator;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.ShapeInference;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/** The real Keras files of /work/shared/models (see its README), and a configuration with a layer we lack. */
class KerasArchitectureImportTest {
    private static final Path KERAS = Path.of("../shared/models/keras");

    /** The same Dense configuration Keras 2.13 writes; DL4J's parser wants every one of these fields. */
    private static String dense(String name, int units, String activation) {
        return """
                {"class_name": "Dense", "config": {"name": "%s", "trainable": true, "dtype": "float32", "units": %d,
                 "activation": "%s", "use_bias": true,
                 "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {"seed": null}},
                 "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}},
                 "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null,
                 "kernel_constraint": null, "bias_constraint": null}}""".formatted(name, units, activation);
    }

    @Test
    void aKeras2SequentialMlpBecomesInputFlattenDenseOutput() {
        NetworkDescription network = KerasArchitectureImport.read(KERAS.resolve("keras2-sequential-mlp.h5"));

        assertThat(network.name()).isEqualTo("keras2-sequential-mlp");
        assertThat(network.nodes()).extracting(Node::layer).containsExactly(
                Layer.Input.image(28, 28, 1),
                new Layer.Flatten(),
                new Layer.Dense(128, Activation.RELU, io.neuralworkbench.engine.network.WeightInit.XAVIER, true, null),
                new Layer.Output(10, Activation.SOFTMAX, Loss.CROSS_ENTROPY,
                        io.neuralworkbench.engine.network.WeightInit.XAVIER, null));
        assertThat(network.nodes()).extracting(Node::name)
                .containsExactly("flatten_input", "flatten", "dense", "dense_1");
        assertThat(network.edges()).containsExactly(new Edge("flatten_input", "flatten"), new Edge("flatten", "dense"),
                new Edge("dense", "dense_1"));

        InferenceResult inference = ShapeInference.infer(network);
        assertThat(inference.outputShapes().get("flatten")).isEqualTo(new Shape.Flat(784));
        assertThat(inference.outputShapes().get("dense_1")).isEqualTo(new Shape.Flat(10));
        assertThat(inference.totalParameters()).isEqualTo(784L * 128 + 128 + 128L * 10 + 10); // Keras says 101,770
        assertThat(NetworkValidator.validate(network)).noneMatch(d -> d.isError());
    }

    @Test
    void aKeras3SequentialMlpIsTranslatedToTheKeras2LayoutAndImported() {
        NetworkDescription network = KerasArchitectureImport.read(KERAS.resolve("keras3-sequential-mlp.h5"));

        assertThat(network.nodes()).extracting(Node::name).containsExactly("input_layer", "dense", "dense_1", "dense_2");
        assertThat(network.nodes()).extracting(Node::layer).containsExactly(
                Layer.Input.flat(784),
                new Layer.Dense(64, Activation.RELU, io.neuralworkbench.engine.network.WeightInit.XAVIER, true, null),
                new Layer.Dense(64, Activation.RELU, io.neuralworkbench.engine.network.WeightInit.XAVIER, true, null),
                new Layer.Output(10, Activation.SOFTMAX, Loss.CROSS_ENTROPY,
                        io.neuralworkbench.engine.network.WeightInit.XAVIER, null));
        assertThat(ShapeInference.infer(network).totalParameters())
                .isEqualTo(784L * 64 + 64 + 64L * 64 + 64 + 64L * 10 + 10); // Keras says 55,050
    }

    @Test
    void aKeras3FunctionalModelIsRefusedWithTheReasonAndWhatToDo() {
        String functional = """
                {"class_name": "Functional", "config": {"name": "f", "layers": [], "input_layers": [],
                 "output_layers": []}}""";
        assertThatThrownBy(() -> KerasArchitectureImport.fromModelJson("f.h5", functional, "3.3.3", "tensorflow"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("f.h5 was saved by Keras 3.3.3. DL4J's Keras import (1.0.0-M2.1) reads only files saved "
                        + "by Keras 1 and 2, and Keras 3 lays the model out differently in the file; the designer "
                        + "translates only Keras 3 Sequential models, and this is a Functional model. Re-save the "
                        + "model with Keras 2 or tf.keras (TensorFlow 2.15 or earlier, model.save(\"model.h5\")), "
                        + "or build it in the designer.");
    }

    @Test
    void aLayerWithoutANodeKindIsNamedWithItsKerasClass() {
        String json = """
                {"class_name": "Sequential", "config": {"name": "noisy", "layers": [
                 {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 8], "dtype": "float32",
                  "sparse": false, "ragged": false, "name": "features"}},
                 %s,
                 {"class_name": "GaussianNoise", "config": {"name": "noise", "trainable": true, "dtype": "float32",
                  "stddev": 0.1}},
                 %s]}}""".formatted(dense("hidden", 16, "relu"), dense("scores", 3, "softmax"));

        assertThatThrownBy(() -> KerasArchitectureImport.fromModelJson("noisy.h5", json, "2.13.1", "tensorflow"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("noisy.h5: this layer has no matching node kind in the designer, so the "
                        + "model was not imported: noise (Keras GaussianNoise).");
    }

    @Test
    void aLayerWithoutANodeKindInAKeras3ModelIsNamedTheSameWay() {
        String json = """
                {"class_name": "Sequential", "config": {"name": "noisy", "layers": [
                 {"class_name": "InputLayer", "config": {"batch_shape": [null, 8], "dtype": "float32",
                  "sparse": false, "name": "features"}},
                 {"class_name": "GaussianNoise", "config": {"name": "noise", "trainable": true,
                  "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}},
                  "stddev": 0.1}},
                 %s]}}""".formatted(dense("scores", 3, "softmax"));

        assertThatThrownBy(() -> KerasArchitectureImport.fromModelJson("noisy.h5", json, "3.5.0", "tensorflow"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("noisy.h5: this layer has no matching node kind in the designer, so the "
                        + "model was not imported: noise (Keras GaussianNoise).");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> KerasArchitectureImport.read(KERAS.resolve("no-such-model.h5")))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("There is no file ");
    }

    @Test
    void aFileThatIsNotHdf5SaysWhatToChoose() {
        assertThatThrownBy(() -> KerasArchitectureImport.read(KERAS.resolve("../README.md")))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("README.md is not a Keras model file DL4J can open");
    }
}
