package io.neuralworkbench.app.gui.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.TaskCenter;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
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

/** The Evaluate view, headless (Monocle), on an iris model trained in the test, driven with real clicks. */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class EvaluateViewTest {
    private static IrisBundles.Trained iris;

    @TempDir
    Path dir;
    private final Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/evaluate-view");
    private TaskCenter tasks;
    private EvaluateViewModel model;

    @BeforeAll
    static void trainIris() throws Exception {
        iris = IrisBundles.irisBundle();
    }

    @Start
    void start(Stage stage) {
        tasks = new TaskCenter(2);
        ProjectSession session = new ProjectSession(preferences, dir.resolve("autosave"));
        model = new EvaluateViewModel(session, tasks);
        EvaluateFiles answers = new EvaluateFiles() {
            @Override
            public Path chooseBundle(Window owner) {
                return iris.file();
            }

            @Override
            public Path chooseData(Window owner, boolean folder) {
                return IrisBundles.IRIS;
            }

            @Override
            public Path chooseImage(Window owner) {
                return null;
            }
        };
        stage.setScene(new Scene(new EvaluateView(model, answers), 1200, 780));
        stage.show();
    }

    @AfterEach
    void stop() throws BackingStoreException {
        tasks.close();
        preferences.removeNode();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openIrisAndEvaluate(FxRobot robot) throws Exception {
        robot.clickOn("#openBundle");
        waitUntil(() -> model.modelProperty().get() != null);
        robot.clickOn("#evaluateOnData");
        waitUntil(() -> model.result() != null);
    }

    @Test
    void theMetricsTableShowsTheAccuracyTheEngineComputed(FxRobot robot) throws Exception {
        openIrisAndEvaluate(robot);

        String expected = String.format(Locale.ROOT, "%.4f", iris.testMetrics().classification().accuracy());
        Node table = robot.lookup("#metricsTable").query();
        List<String> accuracyRow = robot.from(table).lookup(".table-row-cell").nth(0)
                .lookup((TableCell<?, ?> cell) -> cell.getText() != null).queryAll().stream()
                .map(cell -> ((TableCell<?, ?>) cell).getText()).toList();
        assertThat(accuracyRow).containsExactly("Accuracy", expected);
        assertThat(robot.lookup("#evaluateStatus").queryAs(Label.class).getText())
                .contains("the test split of iris.csv (" + iris.testMetrics().samples() + " rows)");
    }

    @Test
    void clickingAConfusionMatrixCellListsItsSamplesMostConfidentFirst(FxRobot robot) throws Exception {
        openIrisAndEvaluate(robot);
        int versicolor = model.result().classNames().indexOf("versicolor");
        int count = iris.testMetrics().classification().confusionMatrix().get(versicolor).get(versicolor);

        robot.clickOn("#cell-" + versicolor + "-" + versicolor);
        WaitForAsyncUtils.waitForFxEvents();

        ListView<EvaluatedSample> samples = robot.lookup("#cellSamples").queryListView();
        assertThat(samples.getItems()).hasSize(count).allSatisfy(sample -> {
            assertThat(sample.actualClass()).isEqualTo(versicolor);
            assertThat(sample.predictedClass()).isEqualTo(versicolor);
        });
        for (int i = 1; i < count; i++) {
            assertThat(samples.getItems().get(i - 1).confidence())
                    .isGreaterThanOrEqualTo(samples.getItems().get(i).confidence());
        }
        Set<Node> shown = robot.from(samples).lookup((ListCell<?> cell) -> cell.getText() != null).queryAll();
        assertThat(shown).isNotEmpty().allSatisfy(cell -> assertThat(((ListCell<?>) cell).getText())
                .startsWith("line ").contains("species versicolor"));
        assertThat(robot.lookup("#cellTitle").queryAs(Label.class).getText())
                .startsWith(count + " samples of class versicolor predicted as versicolor");
    }

    @Test
    void theTryItFormPredictsATypedFlowerWithProbabilitiesSummingToOne(FxRobot robot) throws Exception {
        openIrisAndEvaluate(robot);
        robot.clickOn("Try it");
        robot.clickOn("#input-sepal_length").write("6.7");
        robot.clickOn("#input-sepal_width").write("3.0");
        robot.clickOn("#input-petal_length").write("5.2");
        robot.clickOn("#input-petal_width").write("2.3");
        robot.clickOn("#predictButton");
        waitUntil(() -> model.tryItProperty().get() != null);

        String predicted = robot.lookup("#predictedClass").queryAs(Label.class).getText();
        assertThat(predicted).startsWith("Prediction for the typed row: ");
        assertThat(predicted.substring(predicted.lastIndexOf(' ') + 1)).isIn("setosa", "versicolor", "virginica");
        Set<Label> probabilities = robot.lookup(".probability").queryAllAs(Label.class);
        assertThat(probabilities).hasSize(3);
        double sum = probabilities.stream().mapToDouble(label -> Double.parseDouble(label.getText())).sum();
        assertThat(sum).isCloseTo(1.0, within(0.002));
        // A typical virginica (row 146 of iris.csv) after 40 epochs.
        assertThat(predicted).endsWith("virginica");
    }
}
