package io.neuralworkbench.designer.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Loss;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.WeightInit;
import org.junit.jupiter.api.Test;

/**
 * Each one-click fix is offered for the mistake it repairs (as NetworkValidator words it), removes that problem
 * when applied, and is undone and redone like any other edit.
 */
class QuickFixesTest {

    private static NetworkDescription chain(Layer input, Layer middle, Layer output) {
        return NetworkDescription.builder("test").then("input", input).then("middle", middle).then("output", output)
                .build();
    }

    /** Finds the fix with that label, applies it, checks the problem is gone and that undo/redo work. */
    private static DesignerModel applyFix(DesignerModel model, String fixLabel) {
        Problem problem = model.analysis().problems().stream()
                .filter(p -> p.quickFix().map(fix -> fix.label().equals(fixLabel)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fix \"" + fixLabel + "\" among " + model.analysis().problems()));
        DesignState before = model.state();

        model.execute(problem.quickFix().orElseThrow().command());

        DesignState after = model.state();
        assertThat(model.analysis().problems()).extracting(Problem::diagnostic).doesNotContain(problem.diagnostic());
        model.undo();
        assertThat(model.state()).isEqualTo(before);
        assertThat(model.analysis().problems()).extracting(Problem::diagnostic).contains(problem.diagnostic());
        model.redo();
        assertThat(model.state()).isEqualTo(after);
        return model;
    }

    @Test
    void insertsAFlattenBetweenAConvolutionAndADenseLayer() {
        DesignerModel model = DesignerModel.of(NetworkDescription.builder("cnn")
                .then("input", Layer.Input.image(28, 28, 1))
                .then("conv", Layer.Convolution2D.of(8, 3))
                .then("dense", Layer.Dense.of(10))
                .then("output", Layer.Output.classification(10))
                .build());

        applyFix(model, "Insert a flatten between conv and dense");

        assertThat(model.network().inputsOf("dense")).containsExactly("flatten1");
        assertThat(model.analysis().summary().errors()).isZero();
        assertThat(model.analysis().node("dense").parameters()).isEqualTo(26L * 26 * 8 * 10 + 10);
    }

    @Test
    void insertsGlobalPoolingBetweenASequenceAndAnOutput() {
        DesignerModel model = DesignerModel.of(NetworkDescription.builder("rnn")
                .then("input", Layer.Input.sequence(3, 50))
                .then("lstm", Layer.Lstm.of(16, true))
                .then("output", Layer.Output.classification(4))
                .build());

        applyFix(model, "Insert global pooling between lstm and output");

        assertThat(model.network().inputsOf("output")).containsExactly("globalPool1");
        assertThat(model.analysis().summary().errors()).isZero();
    }

    @Test
    void switchesSoftmaxWithMeanSquaredErrorToCrossEntropy() {
        DesignerModel model = DesignerModel.of(NetworkDescription.builder("mlp")
                .then("input", Layer.Input.flat(4))
                .then("output", new Layer.Output(3, Activation.SOFTMAX, Loss.MSE, WeightInit.XAVIER, null))
                .build());

        applyFix(model, "Use cross-entropy as the loss of output");

        assertThat(((Layer.Output) model.state().node("output").layer()).loss()).isEqualTo(Loss.CROSS_ENTROPY);
        assertThat(model.analysis().problems()).isEmpty();
    }

    @Test
    void givesCrossEntropySoftmaxAndBinaryCrossEntropySigmoid() {
        DesignerModel crossEntropy = DesignerModel.of(NetworkDescription.builder("mlp")
                .then("input", Layer.Input.flat(4))
                .then("output", new Layer.Output(3, Activation.RELU, Loss.CROSS_ENTROPY, WeightInit.XAVIER, null))
                .build());
        applyFix(crossEntropy, "Set the activation of output to softmax");
        assertThat(crossEntropy.analysis().problems()).isEmpty();

        DesignerModel binary = DesignerModel.of(NetworkDescription.builder("mlp")
                .then("input", Layer.Input.flat(4))
                .then("output", new Layer.Output(1, Activation.IDENTITY, Loss.BINARY_CROSS_ENTROPY, WeightInit.XAVIER,
                        null))
                .build());
        applyFix(binary, "Set the activation of output to sigmoid");
        assertThat(binary.analysis().problems()).isEmpty();
    }

    @Test
    void resetsADropoutRateOutOfRange() {
        DesignerModel model = DesignerModel.of(NetworkDescription.builder("mlp")
                .then("input", Layer.Input.flat(4))
                .then("dropout", Layer.Dropout.of(1.5))
                .then("output", Layer.Output.classification(3))
                .build());

        applyFix(model, "Set the dropout rate of dropout to 0.5");

        assertThat(model.state().node("dropout").layer()).isEqualTo(Layer.Dropout.of(0.5));
    }

    @Test
    void deletesANodeConnectedToNothing() {
        DesignerModel model = DesignerModel.of(NetworkDescription.builder("mlp")
                .then("input", Layer.Input.flat(4))
                .then("output", Layer.Output.classification(3))
                .build()
                .withNode(new Node("stray", Layer.Dense.of(8))));

        applyFix(model, "Delete stray");

        assertThat(model.state().hasNode("stray")).isFalse();
        assertThat(model.analysis().problems()).isEmpty();
    }

    @Test
    void fitsInputAndOutputToTheLoadedDataset() {
        DesignerModel model = DesignerModel.of(chain(Layer.Input.flat(4), Layer.Dense.of(8),
                Layer.Output.classification(3)));
        model.setDataset(new DatasetFacts(new Shape.Image(8, 8, 1), 10, true));

        applyFix(model, "Give input the dataset's shape [8×8×1]");
        applyFix(model, "Set the units of output to 10");

        assertThat(model.state().node("input").layer()).isEqualTo(Layer.Input.image(8, 8, 1));
        assertThat(model.analysis().problems()).extracting(p -> p.diagnostic().message())
                .noneMatch(message -> message.contains("dataset"));
        // the image now needs a flatten before the dense layer: the next fix is offered at once
        assertThat(model.analysis().problems()).extracting(p -> p.quickFix().map(QuickFix::label).orElse(""))
                .contains("Insert a flatten between input and middle");
    }

    @Test
    void offersNoFixWhenThereIsNoObviousOne() {
        DesignerModel model = DesignerModel.of(NetworkDescription.builder("no output")
                .then("input", Layer.Input.flat(4))
                .then("dense", Layer.Dense.of(3))
                .build());

        assertThat(model.analysis().problems()).extracting(p -> p.diagnostic().message())
                .contains("The network has no output node");
        assertThat(model.analysis().problems()).allMatch(problem -> problem.quickFix().isEmpty());
    }
}
