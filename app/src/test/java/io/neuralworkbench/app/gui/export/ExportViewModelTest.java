package io.neuralworkbench.app.gui.export;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.WeightInit;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.workflow.TabularTraining;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The Export view's model writing ONNX with real background tasks, without a window. */
@Tag("slow")
class ExportViewModelTest {
    @TempDir
    static Path directory;
    private static Path irisBundle;
    private static Path geluLstmBundle;

    private final Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/export-model");
    private TaskCenter tasks;
    private ExportViewModel model;

    @BeforeAll
    static void writeBundles() throws Exception {
        FxToolkit.registerPrimaryStage();
        TabularTraining training = TabularTraining.prepare(Path.of("../shared/datasets/iris.csv"),
                PreprocessingSpec.forTarget("species"), null, TrainingConfig.defaults().withEpochs(10),
                TrainingBackends.defaultBackend());
        irisBundle = directory.resolve("iris-model.zip");
        try (ModelBundle bundle = training.bundle(training.newSession(null).run())) {
            bundle.write(irisBundle);
        }
        // ONNX's LSTM has no GELU: this network trains in the workbench but cannot be exported.
        NetworkDescription network = NetworkDescription.builder("gelu memory")
                .then("input", Layer.Input.sequence(3, 5))
                .then("memory", new Layer.Lstm(4, Activation.GELU, false, WeightInit.XAVIER, null))
                .then("output", Layer.Output.classification(2))
                .build();
        geluLstmBundle = directory.resolve("gelu.zip");
        try (ModelBundle bundle = new ModelBundle(new ModelBundle.Manifest(ModelBundle.FORMAT_VERSION,
                Dl4jGraphBackend.ID, "test"), network, TrainingConfig.defaults(),
                new FittedPreprocessing("label", TaskType.CLASSIFICATION, List.of(), List.of("a", "b"), null),
                null, null, List.of(), new Dl4jGraphBackend().compile(network, TrainingConfig.defaults()))) {
            bundle.write(geluLstmBundle);
        }
    }

    @BeforeEach
    void createModel() throws Exception {
        tasks = new TaskCenter(1);
        onFx(() -> model = new ExportViewModel(new ProjectSession(preferences, directory.resolve("autosave")), tasks));
    }

    @AfterEach
    void stop() throws Exception {
        onFx(() -> model.close());
        tasks.close();
        try {
            preferences.removeNode();
        } catch (BackingStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void open(Path bundle) throws Exception {
        onFx(() -> model.open(bundle));
        waitUntil(() -> bundle.equals(model.bundleFileProperty().get()) && !model.busyProperty().get());
    }

    @Test
    void onnxIsWrittenWithItsPreprocessingAfterTheCheck() throws Exception {
        open(irisBundle);
        Path file = directory.resolve("deploy/iris.onnx");

        onFx(() -> model.writeOnnx(file));
        waitUntil(() -> !model.busyProperty().get() && !model.statusProperty().get().isEmpty());

        assertThat(model.statusProperty().get()).startsWith("Wrote the ONNX model " + file)
                .contains("iris.preprocessing.json", "predicts what the model in memory predicts");
        assertThat(Files.size(file)).isGreaterThan(4L * (4 * 64 + 64 * 32 + 32 * 3));
        assertThat(directory.resolve("deploy/iris.preprocessing.json")).content()
                .contains("\"versicolor\"", "\"sepal_width\"");
    }

    @Test
    void aLayerOnnxCannotExpressIsNamedInTheStatusAndNothingIsWritten() throws Exception {
        open(geluLstmBundle);
        Path file = directory.resolve("refused/gelu.onnx");

        onFx(() -> model.writeOnnx(file));
        waitUntil(() -> !model.busyProperty().get() && !model.statusProperty().get().isEmpty());

        assertThat(model.statusProperty().get()).startsWith("Writing the ONNX model failed")
                .contains("lstm \"memory\"", "gelu");
        assertThat(file.getParent()).doesNotExist();
    }
}
