package io.neuralworkbench.engine.network;

import io.neuralworkbench.engine.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkJsonTest {

    @ParameterizedTest
    @EnumSource(Template.class)
    void everyTemplateSurvivesARoundTrip(Template template) {
        NetworkDescription network = template.example();

        assertThat(NetworkJson.fromJson(NetworkJson.toJson(network))).isEqualTo(network);
    }

    @Test
    void everyLayerKindAndShapeKindSurvivesARoundTrip() {
        NetworkDescription network = everyKind();
        List<String> kinds = network.nodes().stream().map(n -> n.layer().kind()).distinct().toList();

        assertThat(kinds).containsExactlyInAnyOrderElementsOf(LayerKinds.names());
        assertThat(NetworkJson.fromJson(NetworkJson.toJson(network))).isEqualTo(network);
    }

    @Test
    void writesTheFormatVersionFirstAndFieldsInDeclarationOrder() {
        String json = NetworkJson.toJson(NetworkDescription.builder("n")
                .then("dense1", Layer.Dense.of(64))
                .then("flatten1", new Layer.Flatten())
                .build());

        assertThat(json).startsWith("{\n  \"formatVersion\": 1,\n  \"name\": \"n\",\n  \"nodes\": [");
        assertThat(json).contains("\"type\": \"dense\",\n        \"units\": 64,\n        \"activation\": \"RELU\"");
        assertThat(json).contains("\"type\": \"flatten\"");
        assertThat(json).contains("{\n      \"from\": \"dense1\",\n      \"to\": \"flatten1\"\n    }");
    }

    @Test
    void fieldsLeftOutTakeTheFactoryDefaults() {
        NetworkDescription network = NetworkJson.fromJson(document("""
                {"name": "input", "layer": {"type": "input", "shape": {"kind": "image", "height": 8, "width": 8, "channels": 1}}},
                {"name": "conv", "layer": {"type": "convolution2d", "filters": 4, "kernel": {"height": 3, "width": 3}}},
                {"name": "pool", "layer": {"type": "pooling2d", "kernel": {"height": 2, "width": 2}}},
                {"name": "bn", "layer": {"type": "batchNormalization"}},
                {"name": "drop", "layer": {"type": "dropout"}},
                {"name": "dense", "layer": {"type": "dense", "units": 64}},
                {"name": "tanh", "layer": {"type": "dense", "units": 8, "activation": "tanh"}},
                {"name": "emb", "layer": {"type": "embedding", "vocabularySize": 100, "dimension": 8}},
                {"name": "lstm", "layer": {"type": "lstm", "units": 16}},
                {"name": "gp", "layer": {"type": "globalPooling"}},
                {"name": "out", "layer": {"type": "output", "units": 3}}
                """, ""));

        assertThat(network.nodes()).extracting(Node::layer).containsExactly(
                Layer.Input.image(8, 8, 1),
                Layer.Convolution2D.of(4, 3),
                Layer.Pooling2D.max(2),
                Layer.BatchNormalization.defaults(),
                Layer.Dropout.of(0.5),
                Layer.Dense.of(64),
                Layer.Dense.of(8, Activation.TANH),
                Layer.Embedding.of(100, 8),
                Layer.Lstm.of(16, false),
                Layer.GlobalPooling.avg(),
                Layer.Output.classification(3));
        assertThat(network.name()).isEmpty();
        assertThat(network.edges()).isEmpty();
    }

    @Test
    void outputLossFollowsTheActivationWhenLeftOut() {
        NetworkDescription network = NetworkJson.fromJson(document("""
                {"name": "a", "layer": {"type": "output", "units": 1, "activation": "identity"}},
                {"name": "b", "layer": {"type": "output", "units": 4, "activation": "sigmoid"}},
                {"name": "c", "layer": {"type": "output", "units": 4, "activation": "sigmoid", "loss": "mse"}}
                """, ""));

        assertThat(network.nodes()).extracting(node -> ((Layer.Output) node.layer()).loss())
                .containsExactly(Loss.MSE, Loss.BINARY_CROSS_ENTROPY, Loss.MSE);
        assertThat(network.nodes().get(0).layer()).isEqualTo(Layer.Output.regression(1));
    }

    @Test
    void enumValuesMayBeWrittenInAnyCase() {
        NetworkDescription network = NetworkJson.fromJson(document("""
                {"name": "d", "layer": {"type": "dense", "units": 2, "activation": "Leaky_Relu", "weightInit": "he"}}
                """, ""));

        assertThat(((Layer.Dense) network.nodes().get(0).layer()).activation()).isEqualTo(Activation.LEAKY_RELU);
    }

    @Test
    void filesAreWrittenAtomicallyAndReadBack(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("net.json");
        Files.writeString(file, "old content");
        NetworkDescription network = Templates.lenet(28, 28, 1, 10);

        NetworkJson.toFile(network, file);

        assertThat(NetworkJson.fromFile(file)).isEqualTo(network);
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("broken.json");
        Files.writeString(file, "{}");

        assertThatThrownBy(() -> NetworkJson.fromFile(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("broken.json: top level: missing required field \"formatVersion\"");
    }

    @Test
    void wrongTypeNamesThePathAndTheValue() {
        assertReadFails(document("""
                {"name": "a", "layer": {"type": "input", "shape": {"kind": "flat", "size": 4}}},
                {"name": "b", "layer": {"type": "dense", "units": 4}},
                {"name": "c", "layer": {"type": "dense", "units": "abc"}}
                """, ""), "nodes[2].layer.units: expected a whole number but found \"abc\"");
    }

    @Test
    void fractionalNumberForAWholeNumberIsRejected() {
        assertReadFails(document("{\"name\": \"c\", \"layer\": {\"type\": \"dense\", \"units\": 6.5}}", ""),
                "nodes[0].layer.units: expected a whole number but found 6.5");
    }

    @Test
    void unknownFieldListsTheKnownOnes() {
        assertReadFails(document("{\"name\": \"c\", \"layer\": {\"type\": \"dense\", \"unitz\": 6}}", ""),
                "nodes[0].layer: unknown field \"unitz\" (known fields: units, activation, weightInit, bias, l2)");
    }

    @Test
    void unknownTopLevelFieldIsRejected() {
        assertReadFails("{\"formatVersion\": 1, \"nodes\": [], \"nodez\": []}",
                "top level: unknown field \"nodez\" (known fields: formatVersion, name, nodes, edges)");
    }

    @Test
    void unknownLayerTypeListsTheKnownOnes() {
        assertReadFails(document("{\"name\": \"a\", \"layer\": {\"type\": \"dense\", \"units\": 1}},"
                        + "{\"name\": \"c\", \"layer\": {\"type\": \"dense3\"}}", ""),
                "nodes[1].layer.type: unknown layer type \"dense3\" (known: input, dense, convolution2d,");
    }

    @Test
    void unknownShapeKindIsRejected() {
        assertReadFails(document("{\"name\": \"a\", \"layer\": {\"type\": \"input\", \"shape\": {\"kind\": \"cube\"}}}", ""),
                "nodes[0].layer.shape.kind: unknown shape kind \"cube\" (known: flat, image, sequence)");
    }

    @Test
    void missingLayerTypeIsRejected() {
        assertReadFails(document("{\"name\": \"a\", \"layer\": {\"units\": 1}}", ""),
                "nodes[0].layer: missing required field \"type\" (the layer type, one of: input, dense,");
    }

    @Test
    void missingRequiredLayerFieldIsRejected() {
        assertReadFails(document("{\"name\": \"a\", \"layer\": {\"type\": \"convolution2d\", \"filters\": 8}}", ""),
                "nodes[0].layer: missing required field \"kernel\"");
    }

    @Test
    void missingNestedFieldNamesTheNestedPath() {
        assertReadFails(document("{\"name\": \"a\", \"layer\": {\"type\": \"input\", \"shape\": "
                        + "{\"kind\": \"image\", \"height\": 28, \"width\": 28}}}", ""),
                "nodes[0].layer.shape: missing required field \"channels\"");
    }

    @Test
    void missingEdgeEndIsRejected() {
        assertReadFails(document("", "{\"from\": \"a\"}"), "edges[0]: missing required field \"to\"");
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        assertReadFails(document("{\"name\": \"a\", \"layer\": {\"type\": \"dense\", \"units\": 1, \"activation\": \"relux\"}}", ""),
                "nodes[0].layer.activation: expected one of IDENTITY, RELU, LEAKY_RELU,");
    }

    @Test
    void nodesMustBeAList() {
        assertReadFails("{\"formatVersion\": 1, \"nodes\": {}}", "nodes: expected a list but found an object");
    }

    @Test
    void invalidSyntaxGivesLineAndColumnWithoutJacksonInternals() {
        Throwable thrown = catchReadFailure("{\n  \"formatVersion\": 1,\n  \"nodes\": [}\n}");

        assertThat(thrown).hasMessage("The network file is not valid JSON: line 3, column 13: "
                + "Unexpected close marker '}': expected ']'");
    }

    @Test
    void truncatedFileGivesLineAndColumnWithoutJacksonInternals() {
        Throwable thrown = catchReadFailure("{\n  \"formatVersion\": 1,\n  \"nodes\": [");

        assertThat(thrown).hasMessageStartingWith("The network file is not valid JSON: line 3");
        assertThat(thrown.getMessage()).doesNotContain("Source", "com.fasterxml");
    }

    @Test
    void repeatedKeyIsRejected() {
        assertReadFails(document("{\"name\": \"a\", \"layer\": {\"type\": \"dense\", \"units\": 1, \"units\": 2}}", ""),
                "The network file is not valid JSON: line 1, column 92: Duplicate field 'units'");
    }

    @Test
    void emptyFileIsRejected() {
        assertReadFails("  ", "The network file is empty.");
    }

    @Test
    void missingFormatVersionIsRejected() {
        assertReadFails("{\"nodes\": []}", "top level: missing required field \"formatVersion\"");
    }

    @Test
    void newerFormatVersionAsksForAnUpdate() {
        assertReadFails("{\"formatVersion\": 2, \"nodes\": [], \"somethingNew\": true}",
                "This network was written by a newer version of Neural Workbench (format 2); "
                        + "this version reads format 1.");
    }

    @Test
    void formatVersionMustBeAPositiveWholeNumber() {
        assertReadFails("{\"formatVersion\": \"1\", \"nodes\": []}",
                "formatVersion: expected a whole number from 1 but found \"1\"");
    }

    private static String document(String nodes, String edges) {
        return "{\"formatVersion\": 1, \"nodes\": [" + nodes + "], \"edges\": [" + edges + "]}";
    }

    private static void assertReadFails(String json, String messageStart) {
        assertThat(catchReadFailure(json)).hasMessageStartingWith(messageStart);
    }

    private static Throwable catchReadFailure(String json) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> NetworkJson.fromJson(json));
        assertThat(thrown).isInstanceOf(UserInputException.class);
        return thrown;
    }

    /** Not a sensible network: it only has to contain every layer kind, shape kind and optional value. */
    private static NetworkDescription everyKind() {
        return NetworkDescription.builder("every kind")
                .then("flatInput", Layer.Input.flat(10))
                .then("dense", new Layer.Dense(5, Activation.SELU, WeightInit.LECUN_NORMAL, false, 0.001))
                .add("imageInput", Layer.Input.image(28, 28, 3), List.of())
                .then("conv", new Layer.Convolution2D(8, new Size2D(3, 5), new Size2D(2, 1), Padding.SAME,
                        Activation.ELU, WeightInit.HE_UNIFORM, false, 1e-4))
                .then("pool", new Layer.Pooling2D(PoolingType.AVG, new Size2D(2, 3), new Size2D(1, 2), Padding.SAME))
                .then("batchNorm", new Layer.BatchNormalization(0.99, 1e-3))
                .then("globalPool", Layer.GlobalPooling.max())
                .then("dropout", Layer.Dropout.of(0.25))
                .add("sequenceInput", Layer.Input.sequence(1, 0), List.of())
                .then("embedding", new Layer.Embedding(500, 16, WeightInit.XAVIER_UNIFORM, 0.01))
                .then("lstm", new Layer.Lstm(32, Activation.SOFTPLUS, true, WeightInit.HE, 0.5))
                .then("flatten", new Layer.Flatten())
                .then("activation", new Layer.ActivationLayer(Activation.GELU))
                .add("add", new Layer.Add(), List.of("dense", "activation"))
                .add("concatenate", new Layer.Concatenate(), List.of("add", "dropout"))
                .then("output", new Layer.Output(2, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY,
                        WeightInit.XAVIER, 0.1))
                .build();
    }
}
