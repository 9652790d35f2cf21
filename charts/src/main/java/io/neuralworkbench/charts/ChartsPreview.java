package io.neuralworkbench.charts;

import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.eval.RocCurves;
import io.neuralworkbench.engine.training.LearningRateSchedule;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.TrainingSession;
import io.neuralworkbench.engine.workflow.TabularTraining;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.stage.Stage;

/**
 * Every chart component on real data: two iris runs trained live by the engine (overlaid curves, learning-rate
 * schedule), then the test split's confusion matrix, ROC and precision-recall curves; a decision boundary of
 * a model trained on iris' two petal features; and a penguin body-mass regression's scatter and residuals.
 *
 * <p>Arguments: {@code --datasets DIR}, the folder holding {@code iris.csv} and {@code penguins.csv} (default
 * {@code ../shared/datasets}, as for the tests); {@code --presentation} to start in presentation mode.
 */
public final class ChartsPreview {

    private ChartsPreview() {
    }

    /** Launches through this plain class: java refuses to start a main class that extends Application from the class path. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The preview window. */
    public static final class Window extends Application {
    private final TrainingCurvesChart curves = new TrainingCurvesChart();
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();
    private final RocCurveChart roc = new RocCurveChart();
    private final PrecisionRecallChart precisionRecall = new PrecisionRecallChart();
    private final DecisionBoundaryView boundary = new DecisionBoundaryView();
    private final PredictedVsActualChart predictedVsActual = new PredictedVsActualChart();
    private final ResidualHistogram residuals = new ResidualHistogram();
    private final TrainingEventBuffer slowRun = new TrainingEventBuffer();
    private final TrainingEventBuffer fastRun = new TrainingEventBuffer();
    private final LearningRateChart learningRate = new LearningRateChart(slowRun);
    private final Label status = new Label("Training iris…");

    @Override
    public void start(Stage stage) {
        Path datasets = datasetsFolder(getParameters().getRaw());
        List<ChartComponent> components = List.of(curves, confusion, roc, precisionRecall, boundary,
                learningRate, predictedVsActual, residuals);
        CheckBox presentation = new CheckBox("Presentation mode");
        presentation.setId("presentationMode");
        presentation.selectedProperty().addListener((obs, was, on) ->
                components.forEach(component -> component.setPresentationMode(on)));
        presentation.setSelected(getParameters().getRaw().contains("--presentation"));
        HBox top = new HBox(24, new Label("Neural Workbench · chart components"), presentation, status);
        top.setPadding(new Insets(6, 10, 6, 10));

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        for (int i = 0; i < 3; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100 / 3.0);
            grid.getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100 / 3.0);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        grid.add(titled("Training curves: iris, two learning rates", curves), 0, 0, 2, 1);
        grid.add(titled("Confusion matrix (test split)", confusion), 2, 0);
        grid.add(titled("ROC, one-vs-rest", roc), 0, 1);
        grid.add(titled("Precision-recall, one-vs-rest", precisionRecall), 1, 1);
        grid.add(titled("Decision boundary: iris petal features (scaled)", boundary), 2, 1);
        grid.add(titled("Learning rate (step schedule)", learningRate), 0, 2);
        grid.add(titled("Penguin body mass: predicted vs actual", predictedVsActual), 1, 2);
        grid.add(titled("Penguin body mass: residuals", residuals), 2, 2);

        BorderPane root = new BorderPane(grid, top, null, null, null);
        stage.setScene(new Scene(root, 1800, 1100));
        stage.setTitle("Neural Workbench – chart components");
        stage.show();

        curves.addRun("lr 0.01, step", slowRun);
        curves.addRun("lr 0.05", fastRun);
        startWork(datasets);
    }

    private static Node titled(String title, ChartComponent component) {
        Label label = new Label(title);
        label.getStyleClass().add("nw-title");
        component.getStyleClass().add("nw-preview-cell");
        BorderPane box = new BorderPane(component, label, null, null, null);
        box.setStyle("-fx-border-color: #d0d0d0; -fx-background-color: white;");
        return box;
    }

    private void startWork(Path datasets) {
        Path iris = datasets.resolve("iris.csv");
        if (!Files.isRegularFile(iris)) {
            status.setText("No iris.csv in " + datasets.toAbsolutePath() + ": start with --datasets DIR.");
            return;
        }
        Task<Void> work = new Task<>() {
            @Override
            protected Void call() throws Exception {
                TrainingConfig base = TrainingConfig.defaults().withEpochs(20).withBatchSize(16).withSeed(7);
                TabularTraining slow = TabularTraining.prepare(iris, PreprocessingSpec.forTarget("species"), null,
                        base.withLearningRate(0.01).withSchedule(LearningRateSchedule.step(5, 0.5)),
                        TrainingBackends.defaultBackend());
                TrainingResult slowResult = trainInto(slow, slowRun);
                TabularTraining fast = TabularTraining.prepare(iris, PreprocessingSpec.forTarget("species"), null,
                        base.withLearningRate(0.05), TrainingBackends.defaultBackend());
                trainInto(fast, fastRun);
                showClassification(slow, slowResult);
                showBoundary(iris, base);
                showRegression(datasets.resolve("penguins.csv"), base);
                return null;
            }
        };
        work.setOnSucceeded(event -> status.setText("Done: every chart shows real training results."));
        work.setOnFailed(event -> {
            status.setText("Failed: " + work.getException().getMessage());
            work.getException().printStackTrace();
        });
        Thread thread = new Thread(work, "preview-training");
        thread.setDaemon(true);
        thread.start();
    }

    private static TrainingResult trainInto(TabularTraining training, TrainingEventBuffer buffer) {
        TrainingSession session = training.newSession(null);
        session.addListener(buffer);
        return session.run();
    }

    private void showClassification(TabularTraining training, TrainingResult result) throws Exception {
        ArrayDataset test = training.data().test();
        float[][] probabilities = result.model().predict(test.features());
        int[] actual = new int[test.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = test.classIndex(i);
        }
        List<RocCurves.ClassCurves> classCurves = RocCurves.oneVsRest(probabilities, actual, test.classNames());
        try (ModelBundle bundle = training.bundle(result)) {
            var metrics = bundle.testMetrics().classification();
            onFx(() -> {
                confusion.setMetrics(metrics);
                roc.setCurves(classCurves);
                precisionRecall.setCurves(classCurves);
                status.setText("Test accuracy " + String.format("%.3f", metrics.accuracy())
                        + "; training the decision-boundary and regression models…");
            });
        }
    }

    private void showBoundary(Path iris, TrainingConfig base) {
        TabularTraining petals = TabularTraining.prepare(iris, PreprocessingSpec.forTarget("species")
                        .withDroppedColumns(List.of("sepal_length", "sepal_width")), null,
                base.withEpochs(30).withLearningRate(0.03), TrainingBackends.defaultBackend());
        TrainableModel model = petals.newSession(null).run().model();
        ArrayDataset train = petals.data().train();
        int[] classes = new int[train.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = train.classIndex(i);
        }
        List<String> names = petals.data().preprocessing().featureNames();
        onFx(() -> {
            boundary.setData(train.features(), classes, train.classNames(), names.get(0), names.get(1));
            boundary.setPredictor(model::predict);
        });
    }

    private void showRegression(Path penguins, TrainingConfig base) {
        TabularTraining mass = TabularTraining.prepare(penguins, PreprocessingSpec.forTarget("body_mass_g")
                .withTask(TaskType.REGRESSION), null, base.withEpochs(30).withLearningRate(0.01),
                TrainingBackends.defaultBackend());
        TrainableModel model = mass.newSession(null).run().model();
        ArrayDataset test = mass.data().test();
        FittedPreprocessing preprocessing = mass.data().preprocessing();
        float[][] outputs = model.predict(test.features());
        double[] actual = new double[test.size()];
        double[] predicted = new double[test.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = preprocessing.toTargetUnits(test.targets()[i][0]);
            predicted[i] = preprocessing.toTargetUnits(outputs[i][0]);
        }
        onFx(() -> {
            predictedVsActual.setData(actual, predicted);
            residuals.setData(actual, predicted);
        });
    }

    /** Runs on the FX thread and waits, so the next training step starts after the charts took their data. */
    private static void onFx(Runnable action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.join();
    }

    private static Path datasetsFolder(List<String> args) {
        int index = args.indexOf("--datasets");
        if (index >= 0 && index + 1 < args.size()) {
            return Path.of(args.get(index + 1));
        }
        return Path.of("../shared/datasets");
    }
    }
}
