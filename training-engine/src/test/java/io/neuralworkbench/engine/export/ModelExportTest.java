package io.neuralworkbench.engine.export;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.SharedDatasets;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.ParameterSnapshot;
import io.neuralworkbench.engine.training.TrainableModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelExportTest {
    @TempDir
    Path directory;

    @Test
    void aBundleExportIsCheckedOnTheTestSplitAndReadsBack() throws IOException {
        TrainedIris iris = TrainedIris.get();
        List<String> steps = new ArrayList<>();

        ModelExport.Result result = ModelExport.export(iris.bundle, "iris model", ExportFormat.BUNDLE,
                directory.resolve("out"), iris.testSample(), steps::add);

        assertThat(result.files()).containsExactly(Path.of("iris-model.zip"));
        assertThat(result.parity().samples()).isEqualTo(iris.testSplit.size());
        assertThat(result.parity().maxDifference()).isLessThanOrEqualTo(ParityCheck.TOLERANCE);
        assertThat(result.parity().description()).contains("test split");
        assertThat(steps).anySatisfy(step -> assertThat(step).startsWith("Checking"));
        try (ModelBundle copy = ModelBundle.read(directory.resolve("out/iris-model.zip"))) {
            assertThat(copy.testMetrics()).isEqualTo(iris.bundle.testMetrics());
        }
        assertThat(directory).isDirectoryNotContaining(path -> path.getFileName().toString().startsWith("."));
    }

    @Test
    void aCardExportHoldsOnlyTheCard() throws IOException {
        Path out = Files.createDirectory(directory.resolve("card"));

        ModelExport.Result result = ModelExport.export(TrainedIris.get().bundle, "iris", ExportFormat.CARD, out,
                TrainedIris.get().testSample(), step -> { });

        assertThat(result.files()).containsExactly(Path.of(ModelExport.CARD_FILE));
        assertThat(Files.readString(out.resolve(ModelExport.CARD_FILE))).contains("Model card: iris");
    }

    @Test
    void anOnnxExportFolderHoldsTheModelAndItsPreprocessingButNotTheCheckedBundle() throws IOException {
        ModelExport.Result result = ModelExport.export(TrainedIris.get().bundle, "iris v1", ExportFormat.ONNX,
                directory.resolve("onnx"), TrainedIris.get().testSample(), step -> { });

        assertThat(result.files()).containsExactly(Path.of("iris-v1.onnx"), Path.of("iris-v1.preprocessing.json"));
        assertThat(result.parity().maxDifference()).isLessThanOrEqualTo(ParityCheck.TOLERANCE);
        assertThat(Files.readString(directory.resolve("onnx/iris-v1.preprocessing.json")))
                .contains("\"model\" : \"iris-v1.onnx\"", "\"virginica\"");
    }

    @Test
    void aWrittenBundleThatPredictsDifferentlyIsRefused() throws IOException {
        TrainedIris iris = TrainedIris.get();
        Path file = directory.resolve("altered.zip");
        iris.bundle.write(file);
        try (ModelBundle altered = ModelBundle.read(file)) {
            nudgeWeights(altered.model(), iris.testSample().inputs());
            altered.write(file);
        }

        assertThatThrownBy(() -> ParityCheck.verify(iris.bundle, file, iris.testSample()))
                .isInstanceOf(ParityMismatchException.class)
                .hasMessageContaining("does not reproduce the model")
                .hasMessageContaining("on the test split")
                .hasMessageContaining("Nothing was exported");
    }

    @Test
    void anExportWhoseBundleDoesNotReproduceTheModelLeavesNothingBehind() throws IOException {
        TrainedIris iris = TrainedIris.get();
        Path file = directory.resolve("other.zip");
        iris.bundle.write(file);
        try (ModelBundle other = ModelBundle.read(file)) {
            nudgeWeights(other.model(), iris.testSample().inputs());
            ModelBundle savesTheOtherModel = new ModelBundle(iris.bundle.manifest(), iris.bundle.network(),
                    iris.bundle.config(), iris.bundle.preprocessing(), iris.bundle.testMetrics(),
                    iris.bundle.provenance(), iris.bundle.history(), new SavesAnotherModel(iris.bundle.model(), other.model()));
            Path out = directory.resolve("exports/iris");

            assertThatThrownBy(() -> ModelExport.export(savesTheOtherModel, "iris", ExportFormat.JAVA, out,
                    iris.testSample(), step -> { }))
                    .isInstanceOf(ParityMismatchException.class);
            assertThat(out).doesNotExist();
            assertThat(directory.resolve("exports")).isEmptyDirectory();
        }
    }

    @Test
    void aBundleSavedUnderAChosenNameIsCheckedAndReplacesTheOldFileOnlyWhenGood() throws IOException {
        TrainedIris iris = TrainedIris.get();
        Path file = Files.writeString(directory.resolve("final.zip"), "an older file");

        ParityCheck.Result parity = ModelExport.saveBundle(iris.bundle, file, iris.testSample());

        assertThat(parity.samples()).isEqualTo(iris.testSplit.size());
        try (ModelBundle saved = ModelBundle.read(file)) {
            assertThat(saved.network()).isEqualTo(iris.bundle.network());
        }
        try (ModelBundle other = ModelBundle.read(file)) {
            nudgeWeights(other.model(), iris.testSample().inputs());
            ModelBundle broken = new ModelBundle(iris.bundle.manifest(), iris.bundle.network(), iris.bundle.config(),
                    iris.bundle.preprocessing(), iris.bundle.testMetrics(), iris.bundle.provenance(),
                    iris.bundle.history(), new SavesAnotherModel(iris.bundle.model(), other.model()));
            byte[] before = Files.readAllBytes(file);

            assertThatThrownBy(() -> ModelExport.saveBundle(broken, file, iris.testSample()))
                    .isInstanceOf(ParityMismatchException.class);
            assertThatThrownBy(() -> ModelExport.saveCard(broken, "iris", directory.resolve("card.html"),
                    iris.testSample())).isInstanceOf(ParityMismatchException.class);
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(directory.resolve("card.html")).doesNotExist();
        }
        assertThat(directory).isDirectoryNotContaining(path -> path.getFileName().toString().startsWith("."));
    }

    @Test
    void aFolderWithFilesOrAFileInTheWayIsRefused() throws IOException {
        Path used = Files.createDirectory(directory.resolve("used"));
        Files.writeString(used.resolve("notes.txt"), "mine");
        Path aFile = Files.writeString(directory.resolve("a-file"), "x");
        ParitySample sample = TrainedIris.get().testSample();

        assertThatThrownBy(() -> ModelExport.export(TrainedIris.get().bundle, "iris", ExportFormat.BUNDLE, used,
                sample, step -> { }))
                .isInstanceOf(UserInputException.class).hasMessageContaining("already has files in it");
        assertThat(used.resolve("notes.txt")).hasContent("mine");
        assertThatThrownBy(() -> ModelExport.export(TrainedIris.get().bundle, "iris", ExportFormat.BUNDLE, aFile,
                sample, step -> { }))
                .isInstanceOf(UserInputException.class).hasMessageContaining("is a file");
        assertThatThrownBy(() -> ModelExport.export(TrainedIris.get().bundle, "iris", ExportFormat.BUNDLE,
                aFile.resolve("out"), sample, step -> { }))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Cannot write the export into");
    }

    @Test
    void rowsOfAFileOrGeneratedInputsStandInForTheTestSplit() {
        ModelBundle bundle = TrainedIris.get().bundle;

        ParitySample rows = ParitySample.rows(bundle.preprocessing(), CsvImporter.read(SharedDatasets.IRIS));
        ParitySample probe = ParitySample.probe(bundle.preprocessing(), 42);

        assertThat(rows.inputs().size()).isEqualTo(150);
        assertThat(rows.description()).isEqualTo("150 rows of iris.csv");
        assertThat(probe.inputs().size()).isEqualTo(ParitySample.PROBE_SAMPLES);
        assertThat(probe.inputs().featureCount()).isEqualTo(bundle.preprocessing().featureCount());
        assertThat(ParitySample.probe(bundle.preprocessing(), 42).inputs().features())
                .isDeepEqualTo(probe.inputs().features());
    }

    /** A few large optimisation steps: the weights move, as a file that loses or damages weights would. */
    private static void nudgeWeights(TrainableModel model, ArrayDataset inputs) {
        float[][] targets = new float[inputs.size()][3];
        for (float[] row : targets) {
            row[2] = 1;
        }
        model.setLearningRate(0.5);
        try (BackendData data = model.upload(new ArrayDataset(inputs.features(), targets, List.of("a", "b", "c")))) {
            for (int step = 0; step < 3; step++) {
                model.fitBatch(data, IntStream.range(0, inputs.size()).toArray());
            }
        }
    }

    /** Predicts with one model but saves another: a backend whose model file does not reproduce it. */
    private record SavesAnotherModel(TrainableModel used, TrainableModel saved) implements TrainableModel {
        @Override
        public BackendData upload(ArrayDataset data) {
            return used.upload(data);
        }

        @Override
        public double fitBatch(BackendData data, int[] rows) {
            return used.fitBatch(data, rows);
        }

        @Override
        public float[][] predict(BackendData data) {
            return used.predict(data);
        }

        @Override
        public float[][] predict(float[][] features) {
            return used.predict(features);
        }

        @Override
        public double meanLoss(BackendData data) {
            return used.meanLoss(data);
        }

        @Override
        public void setLearningRate(double learningRate) {
            used.setLearningRate(learningRate);
        }

        @Override
        public void seedRandom(long seed) {
            used.seedRandom(seed);
        }

        @Override
        public ParameterSnapshot snapshot() {
            return used.snapshot();
        }

        @Override
        public void restore(ParameterSnapshot snapshot) {
            used.restore(snapshot);
        }

        @Override
        public void save(Path file) throws IOException {
            saved.save(file);
        }

        @Override
        public void saveTo(OutputStream out) throws IOException {
            saved.saveTo(out);
        }

        @Override
        public long parameterCount() {
            return used.parameterCount();
        }

        @Override
        public void close() {
            // Both models belong to the test.
        }
    }
}
