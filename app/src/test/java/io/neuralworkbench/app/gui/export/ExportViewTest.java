package io.neuralworkbench.app.gui.export;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.export.BundleContents;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.workflow.TabularTraining;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The Export view, headless (Monocle), driven with real clicks: open a bundle, see it, export it. */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class ExportViewTest {
    @TempDir
    static Path directory;
    private static Path bundleFile;

    private final Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/export-view");
    private final List<String> documentsShown = new CopyOnWriteArrayList<>();
    private TaskCenter tasks;
    private ExportViewModel model;

    @BeforeAll
    static void trainIris() throws Exception {
        TabularTraining training = TabularTraining.prepare(Path.of("../shared/datasets/iris.csv"),
                PreprocessingSpec.forTarget("species"), null, TrainingConfig.defaults().withEpochs(15),
                TrainingBackends.defaultBackend());
        bundleFile = directory.resolve("iris-model.zip");
        try (ModelBundle bundle = training.bundle(training.newSession(null).run())) {
            bundle.write(bundleFile);
        }
    }

    @Start
    void start(Stage stage) throws BackingStoreException {
        preferences.clear();
        tasks = new TaskCenter(1);
        model = new ExportViewModel(new ProjectSession(preferences, directory.resolve("autosave")), tasks);
        ExportDialogs answers = new ExportDialogs() {
            @Override
            public Path chooseBundleToOpen(Window owner) {
                return bundleFile;
            }

            @Override
            public Path chooseBundleToSave(Window owner, String suggestedName) {
                return directory.resolve(suggestedName + ".zip");
            }

            @Override
            public Path chooseCardToSave(Window owner, String suggestedName) {
                return directory.resolve(suggestedName + "-card.html");
            }

            @Override
            public Path chooseExampleFolder(Window owner) {
                return directory.resolve("java-example");
            }

            @Override
            public Path chooseOnnxToSave(Window owner, String suggestedName) {
                return directory.resolve("onnx/" + suggestedName + ".onnx");
            }
        };
        stage.setScene(new Scene(new ExportView(model, answers, documentsShown::add), 1100, 700));
        stage.show();
    }

    @AfterEach
    void stop() throws BackingStoreException {
        model.close();
        tasks.close();
        preferences.removeNode();
    }

    @Test
    void anOpenedBundleIsListedAndItsCardIsWrittenAndOpened(FxRobot robot) throws Exception {
        robot.clickOn("#openBundle");
        @SuppressWarnings("unchecked")
        TableView<BundleContents.Entry> entries = robot.lookup("#bundleEntries").queryAs(TableView.class);
        waitUntil(() -> !entries.getItems().isEmpty());

        assertThat(entries.getItems()).extracting(BundleContents.Entry::name).contains("manifest.json", "model.zip",
                "network.json", "preprocessing.json", "metrics.json", "provenance.json", "history.json");
        assertThat(entries.getItems()).allSatisfy(entry -> assertThat(entry.size()).isPositive());
        assertThat(robot.lookup("#bundleDetails").queryAs(Label.class).getText())
                .contains("Test metrics: accuracy", "Trained on iris.csv");
        assertThat(robot.lookup("#javaSnippet").queryAs(TextArea.class).getText())
                .contains("ModelBundle.read(Path.of(\"iris-model.zip\"))", "predictions.labels()[row]");

        robot.clickOn("#exportName").eraseText("iris-model".length()).write("iris-final");
        robot.clickOn("#writeCard");
        Path card = directory.resolve("iris-final-card.html");
        Label status = robot.lookup("#exportStatus").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("Wrote the model card"));

        assertThat(Files.readString(card)).contains("Model card: iris-final", "setosa");
        assertThat(status.getText()).contains("predicts what the model in memory predicts");
        robot.clickOn("#openCard");
        assertThat(documentsShown).containsExactly(card.toUri().toString());

        robot.clickOn("#saveBundle");
        waitUntil(() -> status.getText().startsWith("Saved "));
        try (ModelBundle saved = ModelBundle.read(directory.resolve("iris-final.zip"))) {
            assertThat(saved.preprocessing().classNames()).containsExactly("setosa", "versicolor", "virginica");
        }

        robot.clickOn("#writeJava");
        waitUntil(() -> status.getText().startsWith("Wrote the Java example"));
        assertThat(directory.resolve("java-example/pom.xml")).isRegularFile();
        assertThat(directory.resolve("java-example/iris-final.zip")).isRegularFile();

        robot.clickOn("#writeOnnx");
        waitUntil(() -> status.getText().startsWith("Wrote the ONNX model"));
        assertThat(directory.resolve("onnx/iris-final.onnx")).isRegularFile();
        assertThat(directory.resolve("onnx/iris-final.preprocessing.json")).content().contains("\"setosa\"");
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
