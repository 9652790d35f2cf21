package io.neuralworkbench.engine.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.neuralworkbench.engine.network.ShapeInferenceTest.chain;
import static org.assertj.core.api.Assertions.assertThat;

class NetworkValidatorTest {

    private static final Layer.Output CLASSES = Layer.Output.classification(3);

    @Test
    void duplicateNamesAreReportedOnce() {
        NetworkDescription network = new NetworkDescription("n",
                List.of(new Node("input", Layer.Input.flat(3)), new Node("dense1", Layer.Dense.of(4)),
                        new Node("dense1", Layer.Dense.of(5)), new Node("output", CLASSES)),
                List.of(new Edge("input", "dense1"), new Edge("dense1", "output")));

        Diagnostic problem = onlyDiagnostic(network);

        assertThat(problem.node()).isEqualTo("dense1");
        assertThat(problem.message()).startsWith("2 nodes are named dense1");
    }

    @Test
    void wireToAnUnknownNodeNamesIt() {
        NetworkDescription network = mlp(CLASSES).withEdge(new Edge("dense2", "dense9"));

        Diagnostic problem = onlyDiagnostic(network);

        assertThat(problem.node()).isEqualTo("dense2");
        assertThat(problem.message()).isEqualTo(
                "A wire from dense2 to dense9 names dense9, but there is no node of that name");
    }

    @Test
    void selfLoopIsAnError() {
        NetworkDescription network = NetworkDescription.builder("n")
                .then("input", Layer.Input.flat(3))
                .then("add1", new Layer.Add())
                .then("output", CLASSES)
                .build()
                .withEdge(new Edge("add1", "add1"));

        assertThat(errorsFor(network, "add1")).containsExactly("add1 is wired to itself");
    }

    @Test
    void cycleNamesTheNodesAlongIt() {
        NetworkDescription network = NetworkDescription.builder("n")
                .then("input", Layer.Input.flat(3))
                .then("add1", new Layer.Add())
                .then("dense1", Layer.Dense.of(3))
                .then("dense2", Layer.Dense.of(3))
                .then("output", CLASSES)
                .build()
                .withEdge(new Edge("dense2", "add1"));

        Diagnostic problem = onlyDiagnostic(network);

        assertThat(problem.node()).isEqualTo("add1");
        assertThat(problem.message()).isEqualTo("These nodes feed each other in a loop: add1 → dense1 → dense2 → add1");
    }

    @Test
    void nodeWithoutAnyWireIsNotConnected() {
        NetworkDescription network = mlp(CLASSES).withNode(new Node("stray", Layer.Dense.of(8)));

        assertThat(onlyDiagnostic(network).message()).isEqualTo("stray is not connected to anything");
    }

    @Test
    void branchThatDoesNotReachTheOutputIsADeadEnd() {
        NetworkDescription network = mlp(CLASSES)
                .withNode(new Node("side", Layer.Dense.of(8)))
                .withEdge(new Edge("dense1", "side"));

        Diagnostic problem = onlyDiagnostic(network);

        assertThat(problem.node()).isEqualTo("side");
        assertThat(problem.message()).contains("side is a dead end", "does not reach any output");
    }

    @Test
    void nodeWithoutInputWireGetsNoData() {
        NetworkDescription network = NetworkDescription.builder("n")
                .then("input", Layer.Input.flat(3))
                .add("dense1", Layer.Dense.of(4), List.of())
                .then("output", CLASSES)
                .build();

        assertThat(errorsFor(network, "dense1")).containsExactly("dense1 has no input wire, so no data reaches it");
    }

    @Test
    void networkWithoutInputOrOutputNodeIsReportedAsAWhole() {
        List<Diagnostic> diagnostics = NetworkValidator.validate(chain(Layer.Dense.of(3), Layer.Dense.of(2)));

        assertThat(diagnostics).filteredOn(d -> d.node() == null).extracting(Diagnostic::message)
                .containsExactly("The network has no input node", "The network has no output node");
    }

    @Test
    void mergeWithOneInputNeedsAnother() {
        NetworkDescription network = chain(Layer.Input.flat(3), new Layer.Concatenate(), CLASSES);

        assertThat(onlyDiagnostic(network).message()).isEqualTo("n1 joins only 1 input, but it needs at least 2");
    }

    @Test
    void twoWiresIntoADenseLayerSuggestAMerge() {
        NetworkDescription network = mlp(CLASSES).withEdge(new Edge("input", "dense2"));

        Diagnostic problem = onlyDiagnostic(network);

        assertThat(problem.message()).isEqualTo("dense2 has 2 incoming wires (from dense1, input), but it takes only one");
        assertThat(problem.hint()).contains("add or a concatenate");
    }

    @Test
    void nothingCanBeWiredIntoAnInput() {
        NetworkDescription network = mlp(CLASSES)
                .withNode(new Node("other", Layer.Input.flat(3)))
                .withEdge(new Edge("other", "input"));

        assertThat(errorsFor(network, "input")).containsExactly(
                "input is an input node, so nothing can be wired into it, but other is");
    }

    @Test
    void outputFeedingAnotherNodeIsAnError() {
        NetworkDescription network = NetworkDescription.builder("n")
                .then("input", Layer.Input.flat(3))
                .then("output1", CLASSES)
                .then("output2", CLASSES)
                .build();

        assertThat(errorsFor(network, "output1")).containsExactly("output1 is an output node but feeds output2");
    }

    @Test
    void shapeProblemsAreIncluded() {
        NetworkDescription network = NetworkDescription.builder("n")
                .then("input", Layer.Input.image(2, 6, 10))
                .then("flatten1", new Layer.Flatten())
                .then("conv2", Layer.Convolution2D.of(4, 3))
                .then("output", CLASSES)
                .build();

        Diagnostic problem = onlyDiagnostic(network);

        assertThat(problem.message() + " — " + problem.hint())
                .isEqualTo("conv2 expects an image input but gets a flat vector of 120 — remove flatten1 or put conv2 before it");
    }

    @Test
    void kernelLargerThanTheImageIsReported() {
        NetworkDescription network = Templates.lenet(12, 12, 1, 10);

        Diagnostic problem = onlyDiagnostic(network);

        assertThat(problem.node()).isEqualTo("conv2");
        assertThat(problem.message()).contains("5×5 kernel is larger than its input, an image 4×4×20");
    }

    @Test
    void zeroUnitsIsAnError() {
        assertThat(errorsFor(mlp(CLASSES).withLayer("dense1", Layer.Dense.of(0)), "dense1"))
                .containsExactly("dense1 has units 0, but it must be at least 1");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.0, Double.NaN})
    void dropoutRateMustBeFromZeroToBelowOne(double rate) {
        NetworkDescription network = chain(Layer.Input.flat(3), Layer.Dropout.of(rate), CLASSES);

        Diagnostic problem = onlyDiagnostic(network);

        assertThat(problem.node()).isEqualTo("n1");
        assertThat(problem.message()).isEqualTo("n1 has dropout rate " + rate + ", but it must be at least 0 and below 1");
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"MSE", "MAE"})
    void softmaxWithARegressionLossWarns(Loss loss) {
        Diagnostic problem = onlyWarning(Activation.SOFTMAX, loss);

        assertThat(problem.message()).isEqualTo("output uses softmax with " + loss.displayName()
                + ", which trains slowly for classification");
        assertThat(problem.hint()).contains("cross-entropy");
    }

    @Test
    void crossEntropyWithoutSoftmaxWarns() {
        Diagnostic problem = onlyWarning(Activation.SIGMOID, Loss.CROSS_ENTROPY);

        assertThat(problem.message()).startsWith("output uses cross-entropy with sigmoid");
        assertThat(problem.hint()).contains("softmax");
    }

    @Test
    void binaryCrossEntropyWithoutSigmoidWarns() {
        Diagnostic problem = onlyWarning(Activation.TANH, Loss.BINARY_CROSS_ENTROPY);

        assertThat(problem.message()).startsWith("output uses binary cross-entropy with tanh");
        assertThat(problem.hint()).isEqualTo("set the activation to sigmoid");
    }

    @Test
    void softmaxOnASingleUnitIsAnError() {
        Diagnostic problem = onlyDiagnostic(mlp(Layer.Output.classification(1)));

        assertThat(problem.isError()).isTrue();
        assertThat(problem.message()).isEqualTo("output uses softmax on a single unit, so it always outputs 1.0");
    }

    @Test
    void errorsComeBeforeWarningsAndWarningsAloneStillValidate() {
        NetworkDescription onlyWarning = mlp(new Layer.Output(3, Activation.SOFTMAX, Loss.MSE, WeightInit.XAVIER, null));
        NetworkDescription withError = onlyWarning.withLayer("dense2", Layer.Dense.of(0));

        assertThat(NetworkValidator.isValid(onlyWarning)).isTrue();
        assertThat(NetworkValidator.isValid(withError)).isFalse();
        assertThat(NetworkValidator.validate(withError)).extracting(Diagnostic::severity)
                .containsExactly(Diagnostic.Severity.ERROR, Diagnostic.Severity.WARNING);
    }

    private static NetworkDescription mlp(Layer.Output output) {
        return Templates.mlpClassifier(4, 3).withLayer("output", output);
    }

    /** The single diagnostic of the classifier template given this output activation and loss: a warning. */
    private static Diagnostic onlyWarning(Activation activation, Loss loss) {
        Diagnostic problem = onlyDiagnostic(mlp(new Layer.Output(3, activation, loss, WeightInit.XAVIER, null)));
        assertThat(problem.severity()).isEqualTo(Diagnostic.Severity.WARNING);
        return problem;
    }

    private static Diagnostic onlyDiagnostic(NetworkDescription network) {
        List<Diagnostic> diagnostics = NetworkValidator.validate(network);
        assertThat(diagnostics).hasSize(1);
        return diagnostics.get(0);
    }

    private static List<String> errorsFor(NetworkDescription network, String node) {
        return NetworkValidator.validate(network).stream()
                .filter(d -> d.isError() && node.equals(d.node()))
                .map(Diagnostic::message)
                .toList();
    }
}
