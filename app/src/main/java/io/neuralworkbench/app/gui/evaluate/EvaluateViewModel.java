package io.neuralworkbench.app.gui.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.BackgroundTask;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.FittedColumn;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.SplitFractions;
import io.neuralworkbench.engine.data.image.ImagePreprocessing;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.eval.AveragedMetrics;
import io.neuralworkbench.engine.eval.ClassMetrics;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectData;
import io.neuralworkbench.engine.project.Run;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.workflow.CrossValidation;
import io.neuralworkbench.engine.workflow.CrossValidationListener;
import io.neuralworkbench.engine.workflow.CrossValidationResult;
import io.neuralworkbench.engine.workflow.FoldResult;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;

/**
 * The state of the Evaluate view, without a single {@code Node}: which model is open and on what data it was
 * measured, the metrics table, the samples of the chosen confusion-matrix cell, the "Try it" prediction and the
 * cross-validation. Reading bundles, evaluating, predicting and cross-validating run as background tasks;
 * methods and properties belong to the JavaFX thread.
 */
public final class EvaluateViewModel {
    /** What kind of input the open model takes, which decides the "Try it" panel. */
    public enum InputKind { NONE, TABLE, TEXT, IMAGE }

    /** One line of the metrics table: a name and its value. */
    public record MetricRow(String name, double value) {
    }

    /** A model and where it came from. */
    public record OpenModel(ModelBundle bundle, String name, ProjectData trainedOn) {
    }

    /** What the cross-validation task reports while it runs and at its end (then {@code result} is set). */
    public record CrossValidationProgress(List<FoldResult> folds, CrossValidationResult result) {
        public CrossValidationProgress {
            folds = List.copyOf(folds);
        }
    }

    private static final int LARGEST_ERRORS_SHOWN = 50;

    private final ProjectSession session;
    private final TaskCenter tasks;
    private final ReadOnlyObjectWrapper<OpenModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper modelDescription = new ReadOnlyStringWrapper(this, "modelDescription",
            "No model yet: evaluate the latest run of the project, or open a model bundle (.zip).");
    private final ReadOnlyObjectWrapper<Path> dataFile = new ReadOnlyObjectWrapper<>(this, "dataFile");
    private final ReadOnlyObjectWrapper<EvaluationResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<InputKind> inputKind = new ReadOnlyObjectWrapper<>(this, "inputKind",
            InputKind.NONE);
    private final ObservableList<MetricRow> metrics = FXCollections.observableArrayList();
    private final ObservableList<ClassMetrics> classMetrics = FXCollections.observableArrayList();
    private final ObservableList<EvaluatedSample> cellSamples = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper cellTitle = new ReadOnlyStringWrapper(this, "cellTitle",
            "Click a cell of the confusion matrix to list its samples.");
    private final ObservableList<FittedColumn> inputColumns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TryItPrediction> tryIt = new ReadOnlyObjectWrapper<>(this, "tryIt");
    private final IntegerProperty folds = new SimpleIntegerProperty(this, "folds", 5);
    private final IntegerProperty foldEpochs = new SimpleIntegerProperty(this, "foldEpochs", 20);
    private final ObservableList<FoldResult> foldResults = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper crossValidationSummary = new ReadOnlyStringWrapper(this,
            "crossValidationSummary", "");
    private final ReadOnlyObjectWrapper<BackgroundTask<CrossValidationProgress>> crossValidation =
            new ReadOnlyObjectWrapper<>(this, "crossValidation");
    private final ReadOnlyDoubleWrapper crossValidationProgress = new ReadOnlyDoubleWrapper(this,
            "crossValidationProgress");
    private final BooleanBinding latestRunAvailable;
    // Unmodifiable views made once: a view listens weakly to its list, so one made per call could be collected
    // together with the listeners a caller added to it.
    private final ObservableList<MetricRow> metricsView = FXCollections.unmodifiableObservableList(metrics);
    private final ObservableList<ClassMetrics> classMetricsView = FXCollections.unmodifiableObservableList(classMetrics);
    private final ObservableList<EvaluatedSample> cellSamplesView = FXCollections.unmodifiableObservableList(cellSamples);
    private final ObservableList<FittedColumn> inputColumnsView = FXCollections.unmodifiableObservableList(inputColumns);
    private final ObservableList<FoldResult> foldResultsView = FXCollections.unmodifiableObservableList(foldResults);

    public EvaluateViewModel(ProjectSession session, TaskCenter tasks) {
        this.session = Objects.requireNonNull(session, "session");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        latestRunAvailable = Bindings.createBooleanBinding(() -> latestRun() != null, session.projectProperty());
    }

    // --- Choosing the model and the data -------------------------------------------------------------------------

    /** The newest run of the current project that wrote a bundle, or null. */
    public Run latestRun() {
        Project project = session.project();
        if (project == null) {
            return null;
        }
        for (int i = project.runs().size() - 1; i >= 0; i--) {
            if (project.runs().get(i).bundle() != null) {
                return project.runs().get(i);
            }
        }
        return null;
    }

    public BooleanBinding latestRunAvailableProperty() {
        return latestRunAvailable;
    }

    /** Opens the latest run's bundle and evaluates it on the test split of the project's data. */
    public void evaluateLatestRun() {
        Run run = latestRun();
        if (run == null) {
            status.set("The project has no trained run yet: train one in the Train view, or open a model bundle.");
            return;
        }
        ProjectData data = session.project().data();
        load(run.bundle(), session.project().name() + " — " + run.id(), data, data.file());
    }

    /**
     * Opens a model bundle file. When the current project's data is what it was trained on, that data's test split
     * is evaluated at once; otherwise the user chooses the data next.
     */
    public void openBundle(Path bundleFile) {
        load(bundleFile, bundleFile.getFileName().toString(), null, null);
    }

    private void load(Path bundleFile, String name, ProjectData trainedOn, Path evaluateOn) {
        busy.set(true);
        status.set("Reading " + bundleFile.getFileName() + "…");
        tasks.<OpenModel>submit("Reading the model " + bundleFile.getFileName(), progress -> {
            ModelBundle bundle = ModelBundle.read(bundleFile);
            return new OpenModel(bundle, name, trainedOn);
        }, opened -> {
            busy.set(false);
            setModel(opened);
            Path data = evaluateOn != null ? evaluateOn : projectDataTrainedOn(opened.bundle());
            if (data != null) {
                evaluateOn(data);
            } else if (!busy.get()) {
                // (A listener of the model may already have started an evaluation.)
                status.set("Choose the labelled data to evaluate " + name + " on: the file it was trained on (its "
                        + "test split is used) or new data of the same kind.");
            }
        }).stateProperty().addListener((o, old, state) -> stopBusyUnlessRunning(state));
    }

    /** The current project's data file when the bundle was trained on it (by name and table kind). */
    private Path projectDataTrainedOn(ModelBundle bundle) {
        Project project = session.project();
        if (project == null || bundle.provenance() == null || project.data().kind() != DataKind.TABLE) {
            return null;
        }
        return project.dataFile().getFileName().toString().equals(bundle.provenance().datasetFile())
                ? project.dataFile() : null;
    }

    private void setModel(OpenModel opened) {
        OpenModel previous = model.get();
        if (previous != null && previous.bundle() != opened.bundle()) {
            // In the background: an evaluation still running on the old model holds its lock, closing waits for it.
            tasks.submit("Closing " + previous.name(), progress -> {
                closeBundle(previous);
                return previous;
            }, closed -> { });
        }
        ModelBundle bundle = opened.bundle();
        result.set(null);
        metrics.clear();
        classMetrics.clear();
        cellSamples.clear();
        foldResults.clear();
        crossValidationSummary.set("");
        tryIt.set(null);
        if (bundle.preprocessing() instanceof FittedPreprocessing table) {
            inputKind.set(InputKind.TABLE);
            inputColumns.setAll(table.features());
        } else {
            inputColumns.clear();
            inputKind.set(bundle.preprocessing() instanceof TextPreprocessing ? InputKind.TEXT
                    : bundle.preprocessing() instanceof ImagePreprocessing ? InputKind.IMAGE : InputKind.NONE);
        }
        foldEpochs.set(Math.max(1, bundle.config().epochs()));
        modelDescription.set(describe(opened));
        // Last: listeners of the model (the "Try it" form) see its input columns and kind already set.
        model.set(opened);
    }

    private static String describe(OpenModel opened) {
        ModelBundle bundle = opened.bundle();
        StringBuilder text = new StringBuilder(opened.name()).append(": ").append(bundle.network().name())
                .append(", predicts ").append(bundle.preprocessing().targetName());
        if (bundle.provenance() != null) {
            text.append(", trained ").append(bundle.provenance().epochsTrained()).append(" epochs on ")
                    .append(bundle.provenance().datasetFile());
        }
        if (bundle.testMetrics() != null) {
            text.append(" (at training: ").append(bundle.testMetrics().summary()).append(")");
        }
        return text.toString();
    }

    /** Evaluates the open model on a labelled file or folder (its test split if the model was trained on it). */
    public void evaluateOn(Path data) {
        OpenModel opened = model.get();
        if (opened == null) {
            status.set("Open a model first: the latest run, or a model bundle (.zip).");
            return;
        }
        busy.set(true);
        status.set("Evaluating on " + data.getFileName() + "…");
        tasks.<EvaluationResult>submit("Evaluating " + opened.name() + " on " + data.getFileName(),
                progress -> ModelEvaluation.evaluate(opened.bundle(), data, opened.trainedOn()), evaluated -> {
                    busy.set(false);
                    if (model.get() != opened) {
                        return;
                    }
                    dataFile.set(data);
                    show(evaluated);
                }).stateProperty().addListener((o, old, state) -> stopBusyUnlessRunning(state));
    }

    private void stopBusyUnlessRunning(Worker.State state) {
        if (state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
            busy.set(false);
            status.set("");
        }
    }

    private void show(EvaluationResult evaluated) {
        metrics.setAll(metricRows(evaluated.report()));
        classMetrics.setAll(evaluated.isClassification() ? evaluated.report().classification().perClass() : List.of());
        if (evaluated.isClassification()) {
            cellSamples.clear();
            cellTitle.set("Click a cell of the confusion matrix to list its samples.");
        } else {
            List<EvaluatedSample> worst = evaluated.largestErrors(LARGEST_ERRORS_SHOWN);
            cellSamples.setAll(worst);
            cellTitle.set("The " + worst.size() + " samples with the largest errors, largest first");
        }
        status.set("Evaluated on " + evaluated.description() + ": " + evaluated.report().summary()
                + (evaluated.notes().isEmpty() ? "" : ". " + String.join(" ", evaluated.notes())));
        // Last: listeners of the result (the charts, a preview choosing a cell) see the tables already filled.
        result.set(evaluated);
    }

    /** Accuracy and the averages, or the regression errors, in the order the table shows them. */
    static List<MetricRow> metricRows(EvaluationReport report) {
        List<MetricRow> rows = new ArrayList<>();
        if (report.classification() != null) {
            rows.add(new MetricRow("Accuracy", report.classification().accuracy()));
            addAverages(rows, "macro", report.classification().macroAverage());
            addAverages(rows, "weighted", report.classification().weightedAverage());
        } else {
            rows.add(new MetricRow("MSE", report.regression().mse()));
            rows.add(new MetricRow("RMSE", report.regression().rmse()));
            rows.add(new MetricRow("MAE", report.regression().mae()));
            rows.add(new MetricRow("R²", report.regression().r2()));
        }
        return rows;
    }

    private static void addAverages(List<MetricRow> rows, String kind, AveragedMetrics averages) {
        rows.add(new MetricRow("Precision (" + kind + " average)", averages.precision()));
        rows.add(new MetricRow("Recall (" + kind + " average)", averages.recall()));
        rows.add(new MetricRow("F1 (" + kind + " average)", averages.f1()));
    }

    /** Lists the samples of a confusion-matrix cell, the most confident first. */
    public void selectCell(int actualClass, int predictedClass) {
        EvaluationResult evaluated = result.get();
        if (evaluated == null || !evaluated.isClassification()) {
            return;
        }
        List<EvaluatedSample> samples = evaluated.samplesIn(actualClass, predictedClass);
        cellSamples.setAll(samples);
        String actual = evaluated.classNames().get(actualClass);
        String predicted = evaluated.classNames().get(predictedClass);
        cellTitle.set(samples.size() + (samples.size() == 1 ? " sample" : " samples") + " of class " + actual
                + " predicted as " + predicted + (actualClass == predictedClass ? " (correct)" : " (mistakes)")
                + (samples.isEmpty() ? "" : ", most confident first"));
    }

    // --- Try it -------------------------------------------------------------------------------------------------

    /** Predicts one typed row (column → value; blank means missing). */
    public void predictRow(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        predict("Predicting the typed row", bundle -> TryItPrediction.ofRow(bundle, copy));
    }

    public void predictText(String text) {
        if (text == null || text.isBlank()) {
            status.set("Type or paste a text to predict first.");
            return;
        }
        predict("Predicting the text", bundle -> TryItPrediction.ofText(bundle, text));
    }

    public void predictImage(Path imageFile) {
        predict("Predicting " + imageFile.getFileName(), bundle -> TryItPrediction.ofImage(bundle, imageFile));
    }

    private interface Prediction {
        TryItPrediction of(ModelBundle bundle);
    }

    private void predict(String title, Prediction prediction) {
        OpenModel opened = model.get();
        if (opened == null) {
            status.set("Open a model first: the latest run, or a model bundle (.zip).");
            return;
        }
        tasks.<TryItPrediction>submit(title, progress -> prediction.of(opened.bundle()), predicted -> {
            if (model.get() == opened) {
                tryIt.set(predicted);
            }
        });
    }

    // --- Cross-validation ---------------------------------------------------------------------------------------

    /**
     * Trains the open model's network and settings k times on the evaluated table, each time holding out one fold,
     * with {@link #foldEpochsProperty()} epochs per fold. Only tables can be cross-validated.
     */
    public void startCrossValidation() {
        OpenModel opened = model.get();
        Path data = dataFile.get();
        if (opened == null || data == null) {
            status.set("Evaluate a model on a table first: cross-validation trains its settings on that table.");
            return;
        }
        if (!(opened.bundle().preprocessing() instanceof FittedPreprocessing preprocessing)) {
            status.set("Cross-validation works on tables; this model takes "
                    + opened.bundle().preprocessing().inputShape().describe() + " inputs.");
            return;
        }
        if (isCrossValidating()) {
            return;
        }
        int k = folds.get();
        var config = opened.bundle().config().withEpochs(foldEpochs.get());
        var network = opened.bundle().network();
        ProjectData trainedOn = opened.trainedOn();
        foldResults.clear();
        crossValidationSummary.set("Preparing " + k + " folds…");
        crossValidationProgress.set(0);
        AtomicReference<CrossValidation> running = new AtomicReference<>();
        BackgroundTask<CrossValidationProgress> task = tasks.submit(k + "-fold cross-validation", progress -> {
            RawTable table = CsvImporter.read(data);
            PreprocessingSpec spec = trainedOn != null && trainedOn.file().equals(data.toAbsolutePath().normalize())
                    ? trainedOn.spec() : specLike(preprocessing, table, opened.bundle());
            CrossValidation cv = CrossValidation.prepare(table, spec, network, config,
                    TrainingBackends.defaultBackend(), k);
            running.set(cv);
            List<FoldResult> finished = new ArrayList<>();
            CrossValidationResult outcome = cv.run(new CrossValidationListener() {
                @Override
                public void onIteration(int fold, int foldCount, IterationEvent event) {
                    if (progress.isCancelled()) {
                        cv.cancel();
                    }
                    progress.progress(fold + event.progress(), foldCount);
                    progress.message("Fold " + (fold + 1) + " of " + foldCount + ", epoch " + (event.epoch() + 1));
                }

                @Override
                public void onFoldFinished(FoldResult foldResult, int foldCount) {
                    finished.add(foldResult);
                    progress.partial(new CrossValidationProgress(finished, null));
                }
            });
            return new CrossValidationProgress(outcome.folds(), outcome);
        }, done -> {
            foldResults.setAll(done.folds());
            crossValidationSummary.set(summarize(done.result()));
        });
        task.valueProperty().addListener((o, old, now) -> {
            if (now != null && now.result() == null) {
                foldResults.setAll(now.folds());
                crossValidationSummary.set(now.folds().size() + " of " + k + " folds done…");
            }
        });
        task.progressProperty().addListener((o, old, now) -> crossValidationProgress.set(now.doubleValue()));
        task.stateProperty().addListener((o, old, state) -> {
            if (TaskCenter.isDone(task)) {
                crossValidation.set(null);
            }
            if (state == Worker.State.CANCELLED) {
                CrossValidation cv = running.get();
                if (cv != null) {
                    cv.cancel();
                }
                crossValidationSummary.set("Cross-validation cancelled after " + foldResults.size() + " of " + k
                        + " folds.");
            } else if (state == Worker.State.FAILED) {
                crossValidationSummary.set("");
            }
        });
        crossValidation.set(task);
    }

    /**
     * The spec that gives the bundle's input columns on a table: its target and task, every other column that is
     * not one of its features dropped, the split seeded as at training.
     */
    static PreprocessingSpec specLike(FittedPreprocessing preprocessing, RawTable table, ModelBundle bundle) {
        List<String> features = preprocessing.features().stream().map(FittedColumn::name).toList();
        List<String> dropped = table.columnNames().stream()
                .filter(c -> !features.contains(c) && !c.equals(preprocessing.targetColumn())).toList();
        long seed = bundle.provenance() != null ? bundle.provenance().seed() : PreprocessingSpec.DEFAULT_SEED;
        return PreprocessingSpec.forTarget(preprocessing.targetColumn()).withTask(preprocessing.task())
                .withDroppedColumns(dropped).withSplit(SplitFractions.DEFAULT, seed);
    }

    static String summarize(CrossValidationResult outcome) {
        if (outcome.folds().isEmpty()) {
            return outcome.message();
        }
        StringBuilder text = new StringBuilder();
        outcome.summary().forEach(metric -> text.append(text.isEmpty() ? "" : "    ")
                .append(String.format(Locale.ROOT, "%s %.4f ± %.4f", metric.metric(), metric.mean(),
                        metric.standardDeviation())));
        text.append("  (mean ± standard deviation over ").append(outcome.folds().size()).append(" folds)");
        if (!outcome.isComplete()) {
            text.append(". ").append(outcome.message());
        }
        return text.toString();
    }

    public void cancelCrossValidation() {
        BackgroundTask<CrossValidationProgress> task = crossValidation.get();
        if (task != null) {
            task.cancel();
        }
    }

    public boolean isCrossValidating() {
        return crossValidation.get() != null;
    }

    // --- Properties ---------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<OpenModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelDescriptionProperty() {
        return modelDescription.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> dataFileProperty() {
        return dataFile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EvaluationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public EvaluationResult result() {
        return result.get();
    }

    /** What happened last, or what to do next, one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a model is read or evaluated. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InputKind> inputKindProperty() {
        return inputKind.getReadOnlyProperty();
    }

    public ObservableList<MetricRow> metrics() {
        return metricsView;
    }

    public ObservableList<ClassMetrics> classMetrics() {
        return classMetricsView;
    }

    public ObservableList<EvaluatedSample> cellSamples() {
        return cellSamplesView;
    }

    public ReadOnlyStringProperty cellTitleProperty() {
        return cellTitle.getReadOnlyProperty();
    }

    /** The table model's input columns, one "Try it" field each. */
    public ObservableList<FittedColumn> inputColumns() {
        return inputColumnsView;
    }

    public ReadOnlyObjectProperty<TryItPrediction> tryItProperty() {
        return tryIt.getReadOnlyProperty();
    }

    public IntegerProperty foldsProperty() {
        return folds;
    }

    public IntegerProperty foldEpochsProperty() {
        return foldEpochs;
    }

    public ObservableList<FoldResult> foldResults() {
        return foldResultsView;
    }

    public ReadOnlyStringProperty crossValidationSummaryProperty() {
        return crossValidationSummary.getReadOnlyProperty();
    }

    /** The running cross-validation task, or null. */
    public ReadOnlyObjectProperty<BackgroundTask<CrossValidationProgress>> crossValidationProperty() {
        return crossValidation.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty crossValidationProgressProperty() {
        return crossValidationProgress.getReadOnlyProperty();
    }

    /** Closes the open model (the window closes). */
    public void close() {
        OpenModel opened = model.get();
        if (opened != null) {
            closeBundle(opened);
        }
    }

    private static void closeBundle(OpenModel opened) {
        synchronized (opened.bundle()) {
            opened.bundle().close();
        }
    }

}
