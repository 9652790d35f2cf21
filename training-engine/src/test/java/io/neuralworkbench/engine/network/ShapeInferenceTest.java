package io.neuralworkbench.engine.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ShapeInferenceTest {

    @Test
    void lenetOnMnistHasTheShapesAndParameterCountsOfDl4jsExample() {
        InferenceResult result = ShapeInference.infer(Templates.lenet(28, 28, 1, 10));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.outputShapes()).containsExactly(
                entry("input", new Shape.Image(28, 28, 1)),
                entry("conv1", new Shape.Image(24, 24, 20)),
                entry("pool1", new Shape.Image(12, 12, 20)),
                entry("conv2", new Shape.Image(8, 8, 50)),
                entry("pool2", new Shape.Image(4, 4, 50)),
                entry("flatten", new Shape.Flat(800)),
                entry("dense", new Shape.Flat(500)),
                entry("output", new Shape.Flat(10)));
        assertThat(result.parameterCounts()).containsExactly(
                entry("input", 0L), entry("conv1", 520L), entry("pool1", 0L), entry("conv2", 25050L),
                entry("pool2", 0L), entry("flatten", 0L), entry("dense", 400500L), entry("output", 5010L));
        assertThat(result.totalParameters()).isEqualTo(431080L);
    }

    @ParameterizedTest
    @EnumSource(Template.class)
    void everyTemplateGetsAShapeForEveryNode(Template template) {
        NetworkDescription network = template.example();

        InferenceResult result = ShapeInference.infer(network);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.outputShapes().keySet())
                .containsExactlyElementsOf(network.nodes().stream().map(Node::name).toList());
    }

    @Test
    void textClassifierEmbedsEveryTokenAndAveragesThem() {
        InferenceResult result = ShapeInference.infer(Templates.textClassifier(10_000, 100, 2));

        assertThat(result.outputShapes()).contains(
                entry("embedding", new Shape.Sequence(32, 100)),
                entry("pool", new Shape.Flat(32)),
                entry("output", new Shape.Flat(2)));
        assertThat(result.parameterCounts()).contains(
                entry("embedding", 320_000L), entry("dense", 32L * 16 + 16), entry("output", 16L * 2 + 2));
    }

    @Test
    void lstmCountsFourGatesWithoutPeepholes() {
        InferenceResult result = ShapeInference.infer(Templates.lstmClassifier(3, 50, 4));

        assertThat(result.outputShapes()).contains(entry("lstm", new Shape.Flat(64)));
        assertThat(result.parameterCounts()).contains(entry("lstm", 4L * 64 * (3 + 64) + 4 * 64), entry("output", 260L));
    }

    @Test
    void lstmReturningSequencesKeepsTheLength() {
        InferenceResult result = ShapeInference.infer(chain(Layer.Input.sequence(3, 50), Layer.Lstm.of(8, true)));

        assertThat(result.outputShapes()).contains(entry("n1", new Shape.Sequence(8, 50)));
    }

    @Test
    void residualBlockKeepsTheImageSizeAndCountsBatchNormStatistics() {
        InferenceResult result = ShapeInference.infer(Templates.residualCnn(32, 32, 3, 10));

        assertThat(result.outputShapes()).contains(
                entry("conv2", new Shape.Image(32, 32, 16)),
                entry("add", new Shape.Image(32, 32, 16)),
                entry("pool", new Shape.Flat(16)));
        assertThat(result.parameterCounts()).contains(
                entry("conv1", 16L * 9 * 3 + 16), entry("conv2", 16L * 9 * 16 + 16), entry("batchNorm", 64L));
    }

    @Test
    void denseWithoutBiasHasOnlyWeights() {
        InferenceResult result = ShapeInference.infer(chain(Layer.Input.flat(10),
                new Layer.Dense(4, Activation.RELU, WeightInit.HE, false, null)));

        assertThat(result.parameterCounts()).containsEntry("n1", 40L);
    }

    @Test
    void validPaddingDropsIncompleteWindowsAndSamePaddingRoundsUp() {
        Layer.Convolution2D valid = new Layer.Convolution2D(4, Size2D.square(3), Size2D.square(2), Padding.VALID,
                Activation.RELU, WeightInit.HE, true, null);

        assertThat(ShapeInference.infer(chain(Layer.Input.image(28, 27, 1), valid)).outputShapes())
                .containsEntry("n1", new Shape.Image(13, 13, 4));
        assertThat(ShapeInference.infer(chain(Layer.Input.image(28, 27, 1), valid.withPadding(Padding.SAME)))
                .outputShapes()).containsEntry("n1", new Shape.Image(14, 14, 4));
    }

    @Test
    void shapeKeepingLayersPassTheirInputOn() {
        InferenceResult result = ShapeInference.infer(chain(Layer.Input.flat(7), new Layer.Flatten(),
                Layer.Dropout.of(0.2), new Layer.ActivationLayer(Activation.TANH), Layer.BatchNormalization.defaults()));

        assertThat(result.outputShapes().values()).containsOnly(new Shape.Flat(7));
        assertThat(result.parameterCounts()).containsEntry("n4", 28L);
    }

    @Test
    void globalPoolingOfASequenceKeepsTheFeatures() {
        assertThat(ShapeInference.infer(chain(Layer.Input.sequence(5, 0), Layer.GlobalPooling.max())).outputShapes())
                .containsEntry("n1", new Shape.Flat(5));
    }

    @Test
    void embeddingReadsAFlatVectorAsTokenIds() {
        assertThat(ShapeInference.infer(chain(Layer.Input.flat(20), Layer.Embedding.of(100, 8))).outputShapes())
                .containsEntry("n1", new Shape.Sequence(8, 20));
    }

    @Test
    void concatenationAddsFeaturesOfFlatsImagesAndSequences() {
        assertThat(joined(new Layer.Concatenate(), Layer.Input.flat(3), Layer.Input.flat(4)))
                .isEqualTo(new Shape.Flat(7));
        assertThat(joined(new Layer.Concatenate(), Layer.Input.image(5, 6, 3), Layer.Input.image(5, 6, 2)))
                .isEqualTo(new Shape.Image(5, 6, 5));
        assertThat(joined(new Layer.Concatenate(), Layer.Input.sequence(2, 9), Layer.Input.sequence(3, 9)))
                .isEqualTo(new Shape.Sequence(5, 9));
    }

    @Test
    void denseOnAnImageSuggestsAFlatten() {
        Diagnostic problem = onlyProblem(chain(Layer.Input.image(28, 28, 1), Layer.Dense.of(10)));

        assertThat(problem.node()).isEqualTo("n1");
        assertThat(problem.message()).isEqualTo("n1 expects a flat vector but gets an image 28×28×1");
        assertThat(problem.hint()).contains("insert a flatten layer").contains("between n0 and n1");
    }

    @Test
    void imageLayerAfterAFlattenSuggestsMovingIt() {
        NetworkDescription network = NetworkDescription.builder("n")
                .then("input", Layer.Input.image(4, 5, 6))
                .then("flatten1", new Layer.Flatten())
                .then("conv2", Layer.Convolution2D.of(8, 3))
                .build();

        Diagnostic problem = onlyProblem(network);

        assertThat(problem.message()).isEqualTo("conv2 expects an image input but gets a flat vector of 120");
        assertThat(problem.hint()).isEqualTo("remove flatten1 or put conv2 before it");
    }

    @Test
    void lstmOnAFlatVectorAsksForASequence() {
        Diagnostic problem = onlyProblem(chain(Layer.Input.flat(10), Layer.Lstm.of(8, false)));

        assertThat(problem.message()).isEqualTo("n1 expects a sequence but gets a flat vector of 10");
        assertThat(problem.hint()).contains("give n0 a sequence shape");
    }

    @Test
    void stackedLstmSuggestsReturningSequences() {
        Diagnostic problem = onlyProblem(chain(Layer.Input.sequence(3, 10), Layer.Lstm.of(8, false), Layer.Lstm.of(8, false)));

        assertThat(problem.node()).isEqualTo("n2");
        assertThat(problem.hint()).contains("return sequences in n1");
    }

    @Test
    void kernelLargerThanTheImageIsAnError() {
        Diagnostic problem = onlyProblem(chain(Layer.Input.image(3, 3, 1), Layer.Convolution2D.of(4, 5)));

        assertThat(problem.message()).isEqualTo("n1's 5×5 kernel is larger than its input, an image 3×3×1");
        assertThat(problem.hint()).contains("smaller kernel");
    }

    @Test
    void addOfDifferentShapesNamesBothShapes() {
        Diagnostic problem = onlyProblem(merged(new Layer.Add(), Layer.Input.flat(3), Layer.Input.flat(4)));

        assertThat(problem.node()).isEqualTo("merge");
        assertThat(problem.message()).isEqualTo(
                "merge can only join inputs of the same shape, but a gives a flat vector of 3 and b gives a flat vector of 4");
    }

    @Test
    void concatenationOfDifferentKindsOrSizesIsAnError() {
        assertThat(onlyProblem(merged(new Layer.Concatenate(), Layer.Input.flat(3), Layer.Input.image(2, 2, 1))).message())
                .startsWith("merge can only join inputs of the same kind, but a gives a flat vector of 3 and b gives an image");
        assertThat(onlyProblem(merged(new Layer.Concatenate(), Layer.Input.image(4, 4, 1), Layer.Input.image(2, 2, 1))).message())
                .startsWith("merge can only join images of the same height and width");
        assertThat(onlyProblem(merged(new Layer.Concatenate(), Layer.Input.sequence(1, 4), Layer.Input.sequence(1, 5))).message())
                .startsWith("merge can only join sequences of the same length");
    }

    @Test
    void globalPoolingOfAFlatVectorIsAnError() {
        assertThat(onlyProblem(chain(Layer.Input.flat(3), Layer.GlobalPooling.avg())).message())
                .isEqualTo("n1 expects an image or a sequence but gets a flat vector of 3");
    }

    @Test
    void flatteningASequenceSuggestsPooling() {
        assertThat(onlyProblem(chain(Layer.Input.sequence(2, 3), new Layer.Flatten())).hint())
                .contains("global pooling");
    }

    @Test
    void embeddingOfSeveralValuesPerStepIsAnError() {
        assertThat(onlyProblem(chain(Layer.Input.sequence(2, 3), Layer.Embedding.of(10, 4))).message())
                .isEqualTo("n1 expects token ids (a sequence with 1 value per step) but gets a sequence of 3 with 2 values per step");
    }

    @Test
    void nonPositiveSizesAreErrors() {
        assertThat(onlyProblem(chain(Layer.Input.flat(3), Layer.Dense.of(0))).message())
                .isEqualTo("n1 has units 0, but it must be at least 1");
        assertThat(onlyProblem(chain(Layer.Input.image(8, 8, 1), Layer.Convolution2D.of(4, 0))).message())
                .isEqualTo("n1 has kernel height 0, but it must be at least 1");
        assertThat(onlyProblem(chain(Layer.Input.image(8, 8, 1), new Layer.Pooling2D(PoolingType.MAX,
                Size2D.square(2), new Size2D(2, 0), Padding.VALID))).message())
                .isEqualTo("n1 has stride width 0, but it must be at least 1");
        assertThat(onlyProblem(chain(Layer.Input.flat(-1))).message())
                .isEqualTo("n0 has shape size -1, but it must be at least 1");
    }

    @Test
    void nodesAfterAProblemGetNoShapeAndNoFurtherMessages() {
        NetworkDescription network = chain(Layer.Input.image(28, 28, 1), Layer.Dense.of(10), Layer.Dense.of(5),
                Layer.Output.classification(2));

        InferenceResult result = ShapeInference.infer(network);

        assertThat(result.diagnostics()).hasSize(1);
        assertThat(result.outputShapes()).containsOnlyKeys("n0");
        assertThat(result.totalParameters()).isZero();
    }

    @Test
    void cyclesAndMiswiredNodesGetNoShapeWithoutAMessage() {
        NetworkDescription network = chain(Layer.Input.flat(3), Layer.Dense.of(4), Layer.Dense.of(5))
                .withEdge(new Edge("n2", "n1"))
                .withNode(new Node("lonely", Layer.Dense.of(2)));

        InferenceResult result = ShapeInference.infer(network);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.outputShapes()).containsOnlyKeys("n0");
    }

    /** Nodes n0, n1, ... each wired from the one before. */
    static NetworkDescription chain(Layer... layers) {
        NetworkDescription.Builder builder = NetworkDescription.builder("chain");
        for (int i = 0; i < layers.length; i++) {
            builder.then("n" + i, layers[i]);
        }
        return builder.build();
    }

    /** Inputs a and b joined by a node named merge. */
    static NetworkDescription merged(Layer merge, Layer.Input a, Layer.Input b) {
        return NetworkDescription.builder("merged")
                .then("a", a)
                .add("b", b, List.of())
                .add("merge", merge, List.of("a", "b"))
                .build();
    }

    private static Shape joined(Layer merge, Layer.Input a, Layer.Input b) {
        InferenceResult result = ShapeInference.infer(merged(merge, a, b));
        assertThat(result.diagnostics()).isEmpty();
        return result.outputShapes().get("merge");
    }

    private static Diagnostic onlyProblem(NetworkDescription network) {
        List<Diagnostic> diagnostics = ShapeInference.infer(network).diagnostics();
        assertThat(diagnostics).hasSize(1);
        assertThat(diagnostics.get(0).isError()).isTrue();
        return diagnostics.get(0);
    }
}
