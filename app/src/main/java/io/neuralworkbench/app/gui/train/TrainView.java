package io.neuralworkbench.app.gui.train;

import io.neuralworkbench.app.gui.ErrorDialogs;
import io.neuralworkbench.app.gui.train.TrainViewModel.Phase;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.settings.Settings.ComputePreference;
import io.neuralworkbench.charts.ConfusionMatrixView;
import io.neuralworkbench.charts.DecisionBoundaryView;
import io.neuralworkbench.charts.FilterGridView;
import io.neuralworkbench.charts.LayerHistogramsView;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.charts.LearningRateChart;
import io.neuralworkbench.charts.LiveTicker;
import io.neuralworkbench.charts.TrainingCurvesChart;
import io.neuralworkbench.charts.TrainingEventBuffer;
import io.neuralworkbench.charts.UpdateRatioChart;
import io.neuralworkbench.engine.training.EarlyStopping;
import io.neuralworkbench.engine.training.LearningRateSchedule;
import io.neuralworkbench.engine.training.OptimizerType;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Train step: the training settings (left), the run controls with progress, throughput and time (top), the
 * live curves, learning rate and update ratio of the run (tab "Live"), for data with two features and classes the
 * decision boundary redrawn as the model learns (tab "Decision boundary"), each layer's weight and activation
 * histograms and an image model's first filters (tab "Inside the network"), and the project's runs, their
 * overlaid curves and the difference of two runs' settings (tab "History"). State and actions are in
 * {@link TrainViewModel}; this class only lays out and binds.
 */
public final class TrainView extends BorderPane {
    static final KeyCombination START_KEY = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination STOP_KEY = new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN);
    static final KeyCombination PAUSE_KEY = new KeyCodeCombination(KeyCode.F6);
    static final KeyCombination STEP_KEY = new KeyCodeCombination(KeyCode.F7);

    /**
     * How often the live charts are redrawn: twice a second, or every {@code -Dworkbench.liveRedrawMillis}.
     * Redrawing every frame cost training most of a core with software rendering on a busy machine, where one
     * ChartFX redraw took 100–400 ms of layout and painting (GuiTrainingThroughputBenchmark, docs/train-view.md).
     */
    static final Duration LIVE_REDRAW_INTERVAL = Duration.millis(Long.getLong("workbench.liveRedrawMillis", 500));
    /** The progress bars and figures are cheap to repaint (fixed sizes), so they move more often. */
    private static final long FIGURES_INTERVAL_NANOS = 250_000_000L;

    private final TrainViewModel model;
    private final TrainingCurvesChart liveCurves = new TrainingCurvesChart();
    private final TrainingCurvesChart overlay = new TrainingCurvesChart();
    private final LearningRateChart plannedRates = new LearningRateChart();
    /** The live charts are made once and follow each new run: a new ChartFX chart's first layout is slow. */
    private final LearningRateChart liveRates = new LearningRateChart(null);
    private final UpdateRatioChart liveUpdates = new UpdateRatioChart(null);
    private final DecisionBoundaryView boundary = new DecisionBoundaryView();
    private final BoundaryFeed boundaryFeed = new BoundaryFeed(boundary);
    private final LayerHistogramsView histograms = new LayerHistogramsView();
    private final FilterGridView filters = new FilterGridView();
    private final TabPane tabs = new TabPane();
    private final Tab boundaryTab = new Tab("Decision boundary", boundary);
    private final TableView<RunSummary> runsTable = new TableView<>();
    private final TextArea diff = new TextArea();
    private String liveRunShown;

    public TrainView(TrainViewModel model) {
        this.model = model;
        setId("trainView");
        setTop(controls());
        setLeft(form());
        Tab insideTab = new Tab("Inside the network", inside());
        Tab confusionTab = new Tab("Confusion matrix", confusion());
        confusionTab.setId("confusionTab");
        tabs.getTabs().setAll(new Tab("Live", live()), confusionTab, insideTab, new Tab("History", history()));
        tabs.setId("trainTabs");
        boundary.setId("decisionBoundary");
        boundaryTab.setId("boundaryTab");
        insideTab.setId("insideTab");
        boundaryTab.setClosable(false);
        tabs.getTabs().forEach(tab -> tab.setClosable(false));
        setCenter(tabs);

        // The feeds look at the model on the training thread; the views get their data before a run starts.
        model.addModelObserver(boundaryFeed);
        LayerInsightFeed insightFeed = new LayerInsightFeed(histograms, filters);
        model.addModelObserver(insightFeed);
        model.sampleRowsProperty().addListener((o, old, rows) -> insightFeed.setProbeRows(rows));
        model.planeDataProperty().addListener((o, old, plane) -> showPlane(plane));

        model.liveBufferProperty().addListener((o, old, buffer) -> showLiveRun(buffer));
        model.plannedRatesProperty().addListener((o, old, rates) -> plannedRates.showPlanned(rates));
        plannedRates.showPlanned(model.plannedRatesProperty().get());

        // Figures are copied a few times a second while the view is shown; the training thread never waits for us.
        liveCurves.setRedrawInterval(LIVE_REDRAW_INTERVAL);
        liveRates.setRedrawInterval(LIVE_REDRAW_INTERVAL);
        liveUpdates.setRedrawInterval(LIVE_REDRAW_INTERVAL);
        overlay.setRedrawInterval(LIVE_REDRAW_INTERVAL); // in the scene even while its tab is not shown
        // Not a frame timer each: 60 pulses a second would take a core from training (docs/teaching.md).
        boundary.setRedrawInterval(Duration.millis(1000.0 / DecisionBoundaryView.MAX_UPDATES_PER_SECOND));
        histograms.setRedrawInterval(LIVE_REDRAW_INTERVAL);
        filters.setRedrawInterval(LIVE_REDRAW_INTERVAL);
        LiveTicker.whileShown(this, () -> FIGURES_INTERVAL_NANOS, now -> model.refresh());
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    /**
     * The view as the window shows it: work through the window's task center, errors as dialogs over it, the
     * device choice starting at the user's preference.
     */
    public static TrainView create(ProjectSession session, TaskCenter tasks, Window owner,
                                   javafx.beans.value.ObservableValue<ComputePreference> preferredDevice) {
        TrainViewModel model = new TrainViewModel(session, new TaskCenterBackground(tasks), Platform::runLater,
                (whatFailed, problem) -> ErrorDialogs.create(owner, whatFailed, problem).show(), preferredDevice);
        model.checkBackends();
        return new TrainView(model);
    }

    public TrainViewModel model() {
        return model;
    }

    private Node controls() {
        Button start = button("Start", "startTraining", "Start training with these settings (F5)", model::start);
        Button pause = button("Pause", "pauseTraining", "Pause after the current batch; the learning rate can then be"
                + " changed (F6)", model::pause);
        Button resume = button("Resume", "resumeTraining", "Continue the paused run (F6)", model::resume);
        Button stop = button("Stop", "stopTraining", "Stop after the current batch and record the run (Shift+F5)",
                model::stop);
        Button step = button("Step", "stepTraining", "Train exactly one more epoch, then pause (F7)", model::step);
        step.disableProperty().bind(model.canStepProperty().not());
        Slider slowMotion = new Slider(0, 500, 0);
        slowMotion.setId("slowMotion");
        slowMotion.setPrefWidth(110);
        slowMotion.setBlockIncrement(50);
        slowMotion.setTooltip(new Tooltip("Slow motion: a pause after each batch (0–500 ms), to watch the model learn;"
                + " it can change during a run"));
        slowMotion.setValue(model.batchDelayMillisProperty().get());
        slowMotion.valueProperty().addListener((o, old, now) -> model.batchDelayMillisProperty().set(now.intValue()));
        model.batchDelayMillisProperty().addListener((o, old, now) -> slowMotion.setValue(now.intValue()));
        Label slowMotionText = new Label();
        slowMotionText.textProperty().bind(Bindings.createStringBinding(() -> model.batchDelayMillisProperty().get()
                == 0 ? "full speed" : model.batchDelayMillisProperty().get() + " ms/batch",
                model.batchDelayMillisProperty()));
        fixWidth(slowMotionText, 90);
        var phase = model.phaseProperty();
        start.disableProperty().bind(model.canStartProperty().not());
        pause.disableProperty().bind(phase.isNotEqualTo(Phase.RUNNING));
        resume.disableProperty().bind(phase.isNotEqualTo(Phase.PAUSED));
        stop.disableProperty().bind(phase.isEqualTo(Phase.IDLE));

        ProgressBar epochBar = progressBar("epochProgress", "Progress of the current epoch");
        epochBar.progressProperty().bind(model.epochProgressProperty());
        ProgressBar runBar = progressBar("runProgress", "Progress of the whole run");
        runBar.progressProperty().bind(model.runProgressProperty());
        Label epochText = boundLabel("epochText", model.epochTextProperty());
        Label speed = boundLabel("samplesPerSecond", model.samplesPerSecondProperty());
        Label elapsed = boundLabel("elapsed", model.elapsedProperty());
        Label eta = boundLabel("eta", model.etaProperty());
        elapsed.setTooltip(new Tooltip("Training time, pauses left out"));
        Label status = boundLabel("trainingStatus", model.statusProperty());
        // Figures that change several times a second keep their size, so an update repaints only themselves
        // and not the window around them (a software-rendered repaint of the window costs training time).
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(model.statusProperty());
        fixWidth(epochText, 110);
        fixWidth(speed, 130);
        fixWidth(elapsed, 60);
        fixWidth(eta, 80);

        ToolBar bar = new ToolBar(start, pause, resume, stop, step, new Label("Epoch"), epochBar, epochText,
                new Label("Run"), runBar, speed, new Label("Elapsed"), elapsed, eta);
        // Slow motion shares the status line: the tool bar is full at the window's default width.
        HBox statusLine = new HBox(8, status, new Label("Slow motion"), slowMotion, slowMotionText);
        statusLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        VBox top = new VBox(bar, statusLine);
        VBox.setMargin(statusLine, new Insets(2, 10, 4, 10));
        return top;
    }

    private Node form() {
        GridPane grid = new GridPane();
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // labels are never cut to "Learning r…"
        grid.getColumnConstraints().add(labels);
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        int row = 0;
        ComboBox<OptimizerType> optimizer = choice("optimizerChoice", OptimizerType.values(), model.optimizerProperty());
        grid.addRow(row++, new Label("Optimizer"), optimizer);
        TextField learningRate = field("learningRateField", model.learningRateProperty(),
                "The step size; with Adam 0.001 is a usual start. Editable while paused.");
        learningRate.disableProperty().bind(model.learningRateEditableProperty().not());
        grid.addRow(row++, new Label("Learning rate"), learningRate);
        ComboBox<LearningRateSchedule.Type> schedule = choice("scheduleChoice", LearningRateSchedule.Type.values(),
                model.scheduleProperty());
        grid.addRow(row++, new Label("Schedule"), schedule);
        TextField stepEpochs = settingField("stepEpochsField", model.stepEpochsProperty(), "STEP: epochs between two steps");
        TextField factor = settingField("factorField", model.factorProperty(),
                "STEP: the multiplier at each step; EXPONENTIAL: per epoch");
        TextField minimum = settingField("minimumFactorField", model.minimumFactorProperty(),
                "COSINE: the last epoch's rate as a fraction of the first");
        var scheduleType = model.scheduleProperty();
        addRowShownWhen(grid, row++, "Step every", stepEpochs, scheduleType.isEqualTo(LearningRateSchedule.Type.STEP));
        addRowShownWhen(grid, row++, "Factor", factor, scheduleType.isEqualTo(LearningRateSchedule.Type.STEP)
                .or(scheduleType.isEqualTo(LearningRateSchedule.Type.EXPONENTIAL)));
        addRowShownWhen(grid, row++, "Minimum factor", minimum,
                scheduleType.isEqualTo(LearningRateSchedule.Type.COSINE));
        grid.addRow(row++, new Label("Batch size"), settingField("batchSizeField", model.batchSizeProperty(),
                "Samples per weight update"));
        grid.addRow(row++, new Label("Epochs"), settingField("epochsField", model.epochsProperty(),
                "Passes over the training data"));
        grid.addRow(row++, new Label("L2"), settingField("l2Field", model.l2Property(),
                "Weight penalty for layers without their own (0 = none); dropout is set per layer in Design"));
        CheckBox earlyStopping = new CheckBox("Early stopping");
        earlyStopping.setId("earlyStoppingCheck");
        earlyStopping.selectedProperty().bindBidirectional(model.earlyStoppingProperty());
        earlyStopping.disableProperty().bind(model.formEditableProperty().not());
        earlyStopping.setTooltip(new Tooltip("Stop when the validation metric has not improved for 'patience' epochs"
                + " and keep the best epoch's weights"));
        grid.add(earlyStopping, 0, row++, 2, 1);
        ComboBox<EarlyStopping.Metric> metric = choice("earlyStoppingMetricChoice", EarlyStopping.Metric.values(),
                model.earlyStoppingMetricProperty());
        TextField patience = settingField("patienceField", model.patienceProperty(), "Epochs without improvement");
        addRowShownWhen(grid, row++, "Monitor", metric, model.earlyStoppingProperty());
        addRowShownWhen(grid, row++, "Patience", patience, model.earlyStoppingProperty());
        grid.addRow(row++, new Label("Seed"), settingField("seedField", model.seedProperty(),
                "The same seed, data and settings give the same run"));
        ComboBox<String> backend = new ComboBox<>(model.availableBackends());
        backend.setId("backendChoice");
        backend.valueProperty().bindBidirectional(model.backendProperty());
        backend.disableProperty().bind(model.formEditableProperty().not());
        backend.setTooltip(new Tooltip("auto: PyTorch when installed and it has every layer, else DL4J"));
        grid.addRow(row++, new Label("Backend"), backend);
        ComboBox<ComputePreference> device = choice("deviceChoice", ComputePreference.values(),
                model.deviceProperty());
        device.setTooltip(new Tooltip("Starts at the preference in Settings; without a GPU backend training runs on"
                + " the CPU"));
        grid.addRow(row++, new Label("Device"), device);
        Label devices = boundLabel("devices", model.devicesProperty());
        devices.setWrapText(true);
        devices.setMaxWidth(240);
        grid.add(devices, 0, row++, 2, 1);

        Label problem = boundLabel("formProblem", model.formProblemProperty());
        problem.setWrapText(true);
        problem.setMaxWidth(240);
        problem.getStyleClass().add("danger");
        Label previewTitle = new Label("Learning rate per epoch");
        previewTitle.getStyleClass().add("title-4");
        plannedRates.setId("plannedRates");
        plannedRates.setPrefSize(260, 180);
        plannedRates.setMinHeight(160);
        VBox box = new VBox(8, grid, problem, previewTitle, plannedRates);
        box.setPadding(new Insets(0, 0, 10, 0));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(320);
        scroll.setMinWidth(280);
        return scroll;
    }

    /** The validation split's confusion matrix, recounted after every epoch of the running run. */
    private Node confusion() {
        ConfusionMatrixView matrix = new ConfusionMatrixView();
        matrix.setId("liveConfusion");
        Label caption = new Label("The validation split's confusion matrix appears after the first epoch "
                + "(classification runs).");
        caption.setId("liveConfusionCaption");
        caption.setWrapText(true);
        CheckBox normalized = new CheckBox("Row-normalized");
        normalized.setTooltip(new Tooltip("Each row as shares of its actual class, so rare classes read as well"));
        normalized.selectedProperty().addListener((o, was, on) -> matrix.setRowNormalized(on));
        model.validationConfusionProperty().addListener((o, old, now) -> {
            if (now != null) {
                matrix.setMatrix(now.classNames(), now.counts());
                caption.setText(String.format(java.util.Locale.ROOT,
                        "Validation split after epoch %d (%,d samples): rows actual, columns predicted",
                        now.epoch() + 1, now.total()));
            }
        });
        HBox top = new HBox(12, caption, normalized);
        top.setPadding(new Insets(6, 8, 6, 8));
        BorderPane pane = new BorderPane(matrix);
        pane.setTop(top);
        return pane;
    }

    private Node live() {
        liveCurves.setId("liveCurves");
        liveRates.setId("liveLearningRate");
        liveUpdates.setId("liveUpdateRatio");
        liveRates.setPrefSize(300, 200);
        liveUpdates.setPrefSize(300, 200);
        HBox lower = new HBox(8, titled("Learning rate", liveRates), titled("Update size (‖Δw‖ / ‖w‖)",
                liveUpdates));
        lower.getChildren().forEach(node -> HBox.setHgrow(node, Priority.ALWAYS));
        SplitPane split = new SplitPane(liveCurves, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        return split;
    }

    private Node inside() {
        histograms.setId("layerHistograms");
        filters.setId("convolutionFilters");
        filters.setPrefWidth(260);
        SplitPane split = new SplitPane(histograms, filters);
        split.setDividerPositions(0.72);
        return split;
    }

    /** A run's 2-D points go to the decision boundary, which gets its own tab; other data has none. */
    private void showPlane(TrainViewModel.PlaneData plane) {
        boundaryFeed.setEnabled(plane != null);
        if (plane == null) {
            tabs.getTabs().remove(boundaryTab);
            return;
        }
        boundary.setData(plane.points(), plane.classes(), plane.classNames(), plane.xName(), plane.yName());
        if (!tabs.getTabs().contains(boundaryTab)) {
            tabs.getTabs().add(1, boundaryTab);
        }
    }

    /** The decision boundary view, for tests and screenshots. */
    public DecisionBoundaryView decisionBoundary() {
        return boundary;
    }

    /** What predicting the boundary has cost the training thread so far. */
    public BoundaryFeed boundaryFeed() {
        return boundaryFeed;
    }

    public LayerHistogramsView layerHistograms() {
        return histograms;
    }

    public FilterGridView convolutionFilters() {
        return filters;
    }

    /** A row that takes no space while {@code shown} is false (schedule and early-stopping details). */
    private static void addRowShownWhen(GridPane grid, int row, String label, Node field,
                                        javafx.beans.value.ObservableValue<Boolean> shown) {
        Label name = new Label(label);
        grid.addRow(row, name, field);
        for (Node node : List.of(name, field)) {
            node.visibleProperty().bind(shown);
            node.managedProperty().bind(shown);
        }
    }

    private static Node titled(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add("title-4");
        VBox box = new VBox(4, label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private Node history() {
        runsTable.setId("runsTable");
        runsTable.setItems(model.runs());
        runsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runsTable.setPlaceholder(new Label("No runs yet: each run is recorded here when it ends."));
        runsTable.getColumns().setAll(List.of(
                column("Run", RunSummary::id),
                column("Ended", RunSummary::state),
                column("Epochs", run -> Integer.toString(run.epochs())),
                column("Best val. loss", run -> figure(run.bestValidationLoss())),
                column("Best val. accuracy", run -> figure(run.bestValidationAccuracy())),
                column("Last train loss", run -> figure(run.lastTrainLoss())),
                column("Test", RunSummary::test)));
        runsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        runsTable.getSelectionModel().getSelectedItems()
                .addListener((ListChangeListener<RunSummary>) change -> showSelectedRuns());
        overlay.setId("overlayCurves");
        overlay.setPerEpoch(true);
        diff.setId("configDiff");
        diff.setEditable(false);
        diff.setPrefRowCount(4);
        diff.setPromptText("Select two runs to see how their settings differ; select several to overlay their curves.");
        VBox lower = new VBox(6, overlay, diff);
        VBox.setVgrow(overlay, Priority.ALWAYS);
        SplitPane split = new SplitPane(runsTable, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        return split;
    }

    private void showSelectedRuns() {
        List<String> ids = runsTable.getSelectionModel().getSelectedItems().stream().map(RunSummary::id).toList();
        overlay.runNames().forEach(overlay::removeRun);
        for (Map.Entry<String, TrainingEventBuffer> run : model.curvesOf(ids).entrySet()) {
            overlay.addRun(run.getKey(), run.getValue());
        }
        diff.setText(ids.size() == 2 ? String.join("\n", model.configDiff(ids.get(0), ids.get(1))) : "");
    }

    /** A new run: its buffer replaces the last run's in the live charts. */
    private void showLiveRun(TrainingEventBuffer buffer) {
        if (liveRunShown != null) {
            liveCurves.removeRun(liveRunShown);
            liveRunShown = null;
        }
        liveRates.follow(buffer);
        liveUpdates.follow(buffer);
        histograms.clear();
        filters.clear();
        if (buffer == null) {
            return;
        }
        liveRunShown = model.liveRunIdProperty().get();
        liveCurves.addRun(liveRunShown, buffer);
    }

    /** The live curves chart, for tests and screenshots. */
    public TrainingCurvesChart liveCurves() {
        return liveCurves;
    }

    public TrainingCurvesChart overlayCurves() {
        return overlay;
    }

    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(START_KEY, () -> whenShown(model::start));
        scene.getAccelerators().put(STOP_KEY, () -> whenShown(model::stop));
        scene.getAccelerators().put(STEP_KEY, () -> whenShown(model::step));
        scene.getAccelerators().put(PAUSE_KEY, () -> whenShown(() -> {
            if (model.phaseProperty().get() == Phase.PAUSED) {
                model.resume();
            } else {
                model.pause();
            }
        }));
    }

    /** The keys act only while this view is the tab on screen. */
    private void whenShown(Runnable action) {
        for (Parent node = this; node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return;
            }
        }
        if (getScene() != null) {
            action.run();
        }
    }

    private static Button button(String text, String id, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }

    private static void fixWidth(Region region, double width) {
        region.setMinWidth(width);
        region.setPrefWidth(width);
        region.setMaxWidth(width);
    }

    private static ProgressBar progressBar(String id, String tooltip) {
        ProgressBar bar = new ProgressBar(0);
        bar.setId(id);
        bar.setPrefWidth(140);
        bar.setTooltip(new Tooltip(tooltip));
        return bar;
    }

    private static Label boundLabel(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }

    private static TextField field(String id, Property<String> text, String tooltip) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(8);
        field.textProperty().bindBidirectional(text);
        field.setTooltip(new Tooltip(tooltip));
        return field;
    }

    /** A field of a setting that stays fixed while a run goes on. */
    private TextField settingField(String id, Property<String> text, String tooltip) {
        TextField field = field(id, text, tooltip);
        field.disableProperty().bind(model.formEditableProperty().not());
        return field;
    }

    private <T> ComboBox<T> choice(String id, T[] values, Property<T> value) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        box.disableProperty().bind(model.formEditableProperty().not());
        return box;
    }

    private static TableColumn<RunSummary, String> column(String title, Function<RunSummary, String> value) {
        TableColumn<RunSummary, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(
                value.apply(cell.getValue())));
        return column;
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.4f", value);
    }
}
