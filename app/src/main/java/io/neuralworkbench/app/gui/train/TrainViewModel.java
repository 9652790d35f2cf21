package io.neuralworkbench.app.gui.train;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.settings.Settings.ComputePreference;
import io.neuralworkbench.charts.TrainingEventBuffer;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.backend.BackendReport;
import io.neuralworkbench.engine.backend.ComputeDevice;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.Run;
import io.neuralworkbench.engine.training.EarlyStopping;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.LearningRateSchedule;
import io.neuralworkbench.engine.training.ModelObserver;
import io.neuralworkbench.engine.training.Optimizer;
import io.neuralworkbench.engine.training.OptimizerType;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingListener;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.TrainingSession;
import io.neuralworkbench.engine.workflow.ModelTraining;
import io.neuralworkbench.engine.workflow.ProjectTraining;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The Train view's state and actions, free of nodes so it is tested without a screen: the training form bound
 * to the project's {@link TrainingConfig}, the controls of a run, its live figures, and the run history.
 *
 * <p>Threads: everything here is called on the UI thread. Preparing the data runs through {@link Background};
 * the run itself on the session's own thread, which writes only to a {@link TrainingEventBuffer} (the charts)
 * and to {@link LiveFigures}; the view calls {@link #refresh} once per frame to copy the figures into the
 * properties. A finished run comes back through the UI-thread executor once.
 */
public final class TrainViewModel {
    /** What the run controls can do now. */
    public enum Phase { IDLE, PREPARING, RUNNING, PAUSED }

    /** The backends a user can choose by name; {@code auto} picks the faster one that has every layer. */
    public static final String AUTO_BACKEND = "auto";

    /** Slow motion waits at most this long between two batches. */
    public static final int MAX_BATCH_DELAY_MILLIS = 1000;
    /** The decision boundary draws at most this many of the training points (a sample of larger sets). */
    static final int MAX_PLANE_POINTS = 2000;
    /** Training rows kept for measuring each layer's activations. */
    static final int SAMPLE_ROWS = 128;

    /**
     * A run's training data when it has exactly two features and classes, for the decision boundary: the points
     * as the network sees them (scaled), each point's class, and the two features' names.
     */
    public record PlaneData(float[][] points, int[] classes, List<String> classNames, String xName, String yName) {
    }

    /** Runs work off the UI thread; exactly one of the callbacks is then called on the UI thread. */
    public interface Background {
        <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
    }

    private final ProjectSession session;
    private final Background background;
    private final Executor uiThread;
    private final BiConsumer<String, Throwable> errors;

    // The form, as text where the user types, so that a half-typed number is a message and not an exception.
    private final ObjectProperty<OptimizerType> optimizer = new SimpleObjectProperty<>(this, "optimizer",
            OptimizerType.ADAM);
    private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate", "");
    private final ObjectProperty<LearningRateSchedule.Type> schedule = new SimpleObjectProperty<>(this, "schedule",
            LearningRateSchedule.Type.CONSTANT);
    private final StringProperty stepEpochs = new SimpleStringProperty(this, "stepEpochs", "");
    private final StringProperty factor = new SimpleStringProperty(this, "factor", "");
    private final StringProperty minimumFactor = new SimpleStringProperty(this, "minimumFactor", "");
    private final StringProperty batchSize = new SimpleStringProperty(this, "batchSize", "");
    private final StringProperty epochs = new SimpleStringProperty(this, "epochs", "");
    private final StringProperty l2 = new SimpleStringProperty(this, "l2", "");
    private final BooleanProperty earlyStopping = new SimpleBooleanProperty(this, "earlyStopping");
    private final ObjectProperty<EarlyStopping.Metric> earlyStoppingMetric = new SimpleObjectProperty<>(this,
            "earlyStoppingMetric", EarlyStopping.Metric.VALIDATION_LOSS);
    private final StringProperty patience = new SimpleStringProperty(this, "patience", "");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "");
    private final StringProperty backend = new SimpleStringProperty(this, "backend", AUTO_BACKEND);
    private final ObservableList<String> availableBackends = FXCollections.observableArrayList(AUTO_BACKEND, "dl4j");
    private final ObjectProperty<ComputePreference> device = new SimpleObjectProperty<>(this, "device",
            ComputePreference.CPU);
    private final ReadOnlyStringWrapper devices = new ReadOnlyStringWrapper(this, "devices", "CPU (checking…)");
    private final ReadOnlyStringWrapper formProblem = new ReadOnlyStringWrapper(this, "formProblem", "");
    private final ReadOnlyObjectWrapper<double[]> plannedRates = new ReadOnlyObjectWrapper<>(this, "plannedRates",
            new double[0]);

    // The run.
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final ReadOnlyObjectWrapper<SessionState> sessionState = new ReadOnlyObjectWrapper<>(this,
            "sessionState", SessionState.CREATED);
    private final ReadOnlyDoubleWrapper epochProgress = new ReadOnlyDoubleWrapper(this, "epochProgress");
    private final ReadOnlyDoubleWrapper runProgress = new ReadOnlyDoubleWrapper(this, "runProgress");
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper(this, "epochText", "");
    private final ReadOnlyStringWrapper samplesPerSecond = new ReadOnlyStringWrapper(this, "samplesPerSecond", "");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper(this, "eta", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Set up the training and press Start.");
    private final ReadOnlyObjectWrapper<TrainingEventBuffer> liveBuffer = new ReadOnlyObjectWrapper<>(this,
            "liveBuffer");
    private final ReadOnlyStringWrapper liveRunId = new ReadOnlyStringWrapper(this, "liveRunId", "");
    private final ReadOnlyObjectWrapper<PlaneData> planeData = new ReadOnlyObjectWrapper<>(this, "planeData");
    private final ReadOnlyObjectWrapper<ValidationConfusion.Matrix> validationConfusion =
            new ReadOnlyObjectWrapper<>(this, "validationConfusion");
    private final ReadOnlyObjectWrapper<float[][]> sampleRows = new ReadOnlyObjectWrapper<>(this, "sampleRows",
            new float[0][]);
    private final IntegerProperty batchDelayMillis = new SimpleIntegerProperty(this, "batchDelayMillis");
    /** Copied from {@link #batchDelayMillis} for the training thread, which may not read a JavaFX property. */
    private volatile int batchDelay;
    /** Set by Step: the run pauses after the epoch that ends next. */
    private final AtomicBoolean stepRequested = new AtomicBoolean();
    private final List<ModelObserver> modelObservers = new ArrayList<>();
    private final ReadOnlyObjectWrapper<TrainingResult> latestResult = new ReadOnlyObjectWrapper<>(this,
            "latestResult");
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    /** Kept: an unmodifiable view listens to its list weakly, and listeners on a dropped view stop hearing. */
    private final ObservableList<RunSummary> runsView = FXCollections.unmodifiableObservableList(runs);

    private final BooleanBinding formEditable = Bindings.createBooleanBinding(() -> phase.get() == Phase.IDLE, phase);
    private final BooleanBinding learningRateEditable = Bindings.createBooleanBinding(
            () -> phase.get() == Phase.IDLE || phase.get() == Phase.PAUSED, phase);

    private final BooleanBinding canStart;
    private final BooleanBinding canStep;
    private boolean loading;
    private TrainingConfig formConfig;
    private Running running;
    private boolean stopBeforeStart;

    /** What this machine can train with. */
    private record Machine(List<String> backends, String devices) {
    }

    /** The data made ready and the session on it, not yet started. */
    private record Prepared(ModelTraining training, TrainingSession session, PlaneData plane, float[][] sampleRows) {
    }

    /** A run from its preparation to its record. */
    private record Running(String runId, Instant startedAt, ModelTraining training, TrainingSession session,
                           LiveFigures figures, int batchesPerEpoch, int trainSize) {
    }

    /**
     * @param uiThread where finished runs report back (Platform::runLater in the app, a direct executor in tests)
     * @param errors   shows a failure to the user: what failed, and the problem
     */
    public TrainViewModel(ProjectSession session, Background background, Executor uiThread,
                          BiConsumer<String, Throwable> errors) {
        this.session = Objects.requireNonNull(session, "session");
        this.background = Objects.requireNonNull(background, "background");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.errors = Objects.requireNonNull(errors, "errors");
        ChangeListener<Object> edited = (o, old, now) -> formEdited();
        for (var property : List.of(optimizer, learningRate, schedule, stepEpochs, factor, minimumFactor, batchSize,
                epochs, l2, earlyStopping, earlyStoppingMetric, patience, seed)) {
            property.addListener(edited);
        }
        session.projectProperty().addListener((o, old, now) -> projectChanged(now));
        projectChanged(session.project());
        canStart = Bindings.createBooleanBinding(this::canStart, phase, formProblem, session.projectProperty());
        canStep = Bindings.createBooleanBinding(() -> phase.get() == Phase.PAUSED || canStart(), phase, formProblem,
                session.projectProperty());
        batchDelayMillis.addListener((o, old, now) -> batchDelay = Math.max(0, Math.min(MAX_BATCH_DELAY_MILLIS,
                now.intValue())));
    }

    /**
     * A view model whose device choice starts at the user's CPU/GPU preference (Settings) and follows it while no
     * run goes on.
     */
    public TrainViewModel(ProjectSession session, Background background, Executor uiThread,
                          BiConsumer<String, Throwable> errors, ObservableValue<ComputePreference> preferredDevice) {
        this(session, background, uiThread, errors);
        if (preferredDevice.getValue() != null) {
            device.set(preferredDevice.getValue());
        }
        preferredDevice.addListener((o, old, now) -> {
            if (now != null && phase.get() == Phase.IDLE) {
                device.set(now);
            }
        });
    }

    // ---- the form ----

    public ObjectProperty<OptimizerType> optimizerProperty() {
        return optimizer;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<LearningRateSchedule.Type> scheduleProperty() {
        return schedule;
    }

    /** STEP: epochs between two steps. */
    public StringProperty stepEpochsProperty() {
        return stepEpochs;
    }

    /** STEP and EXPONENTIAL: the multiplier per step or epoch. */
    public StringProperty factorProperty() {
        return factor;
    }

    /** COSINE: the last epoch's rate as a fraction of the first. */
    public StringProperty minimumFactorProperty() {
        return minimumFactor;
    }

    public StringProperty batchSizeProperty() {
        return batchSize;
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    public StringProperty l2Property() {
        return l2;
    }

    public BooleanProperty earlyStoppingProperty() {
        return earlyStopping;
    }

    public ObjectProperty<EarlyStopping.Metric> earlyStoppingMetricProperty() {
        return earlyStoppingMetric;
    }

    public StringProperty patienceProperty() {
        return patience;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** {@code auto}, {@code dl4j} or {@code pytorch}; not part of the project (another machine may lack it). */
    public StringProperty backendProperty() {
        return backend;
    }

    /** The backend names this machine can train with; PyTorch appears once {@link #checkBackends} found it. */
    public ObservableList<String> availableBackends() {
        return availableBackends;
    }

    /**
     * CPU or GPU: starts at the Settings preference. This build's backends compute on the CPU only, so GPU trains on
     * the CPU too and the run's status says so.
     */
    public ObjectProperty<ComputePreference> deviceProperty() {
        return device;
    }

    /** The devices training can use, e.g. "CPU: Intel Xeon … · no GPU backend in this build". */
    public ReadOnlyStringProperty devicesProperty() {
        return devices.getReadOnlyProperty();
    }

    /** Why the form's settings cannot be used, or "" when they can. */
    public ReadOnlyStringProperty formProblemProperty() {
        return formProblem.getReadOnlyProperty();
    }

    /** The learning rate each epoch will use with the form's settings, for the preview plot. */
    public ReadOnlyObjectProperty<double[]> plannedRatesProperty() {
        return plannedRates.getReadOnlyProperty();
    }

    /** Settings can change only between runs. */
    public BooleanBinding formEditableProperty() {
        return formEditable;
    }

    /** The learning rate can also change while a run is paused; the run continues with it. */
    public BooleanBinding learningRateEditableProperty() {
        return learningRateEditable;
    }

    /** Finds the backends and devices of this machine in the background (loads ND4J and PyTorch once). */
    public void checkBackends() {
        background.run("Checking the compute backends", () -> {
            List<String> names = new ArrayList<>(List.of(AUTO_BACKEND));
            for (TrainingBackend available : TrainingBackends.all()) {
                names.add(available.id().startsWith("dl4j") ? "dl4j" : available.id());
            }
            return new Machine(names, describeDevices(BackendReport.current()));
        }, found -> {
            // A combo box bound to the choice clears it while its items are replaced: keep the user's choice.
            String chosen = backend.get();
            availableBackends.setAll(found.backends());
            backend.set(chosen != null && found.backends().contains(chosen) ? chosen : AUTO_BACKEND);
            devices.set(found.devices());
        }, problem -> devices.set("CPU (the compute backend could not be checked: " + problem.getMessage() + ")"));
    }

    static String describeDevices(BackendReport report) {
        boolean gpuBackend = report.backend().toLowerCase(Locale.ROOT).contains("cuda");
        String names = report.devices().stream().map(ComputeDevice::name).reduce((a, b) -> a + ", " + b).orElse("?");
        return (gpuBackend ? "GPU: " : "CPU: ") + names + " · " + report.availableProcessors() + " cores"
                + (gpuBackend ? "" : " · no GPU: this build trains on the CPU");
    }

    private void projectChanged(Project project) {
        runs.setAll(project == null ? List.of() : project.runs().stream().map(RunSummary::of).toList());
        if (project != null && !project.training().equals(formConfig)) {
            load(project.training());
        }
    }

    /** Shows a configuration in the form without writing it back. */
    private void load(TrainingConfig config) {
        loading = true;
        try {
            optimizer.set(config.optimizer().type());
            learningRate.set(number(config.learningRate()));
            schedule.set(config.schedule().type());
            stepEpochs.set(Integer.toString(config.schedule().stepEpochs()));
            factor.set(number(config.schedule().factor()));
            minimumFactor.set(number(config.schedule().minimumFactor()));
            batchSize.set(Integer.toString(config.batchSize()));
            epochs.set(Integer.toString(config.epochs()));
            l2.set(number(config.l2()));
            earlyStopping.set(config.earlyStopping().enabled());
            earlyStoppingMetric.set(config.earlyStopping().metric());
            patience.set(Integer.toString(config.earlyStopping().patience()));
            seed.set(Long.toString(config.seed()));
        } finally {
            loading = false;
        }
        formConfig = config;
        formProblem.set("");
        plannedRates.set(ratesOf(config));
    }

    /** A form edit becomes a project edit when the settings make sense, else a message saying what to fix. */
    private void formEdited() {
        if (loading || session.project() == null) {
            return;
        }
        TrainingConfig config;
        try {
            config = parseForm(session.project().training());
        } catch (UserInputException problem) {
            formProblem.set(problem.getMessage());
            return;
        }
        formProblem.set("");
        formConfig = config;
        plannedRates.set(ratesOf(config));
        session.edit(project -> project.withTraining(config));
        if (running != null && phase.get() == Phase.PAUSED
                && config.learningRate() != running.session().currentConfig().learningRate()) {
            running.session().changeLearningRate(config.learningRate());
            status.set("The run continues with learning rate " + number(config.learningRate()) + " when resumed.");
        }
    }

    /** The form's settings over {@code base} (which keeps what the form does not show, e.g. class weights). */
    private TrainingConfig parseForm(TrainingConfig base) {
        Optimizer chosen = optimizer.get() == base.optimizer().type() ? base.optimizer() : Optimizer.of(optimizer.get());
        int steps = whole("Step every (epochs)", stepEpochs.get());
        double scheduleFactor = decimal("Factor", factor.get());
        double minimum = decimal("Minimum factor", minimumFactor.get());
        if (steps < 1) {
            throw new UserInputException("Step every (epochs) must be at least 1, but is " + steps + ".");
        }
        if (!(scheduleFactor > 0 && scheduleFactor <= 1)) {
            throw new UserInputException("Factor must be above 0 and at most 1 (e.g. 0.5 halves the rate), but is "
                    + factor.get().strip() + ".");
        }
        if (!(minimum >= 0 && minimum <= 1)) {
            throw new UserInputException("Minimum factor must be between 0 and 1, but is " + minimumFactor.get().strip()
                    + ".");
        }
        TrainingConfig config = base.withOptimizer(chosen)
                .withLearningRate(decimal("Learning rate", learningRate.get()))
                .withSchedule(new LearningRateSchedule(schedule.get(), steps, scheduleFactor, minimum))
                .withBatchSize(whole("Batch size", batchSize.get()))
                .withEpochs(whole("Epochs", epochs.get()))
                .withL2(decimal("L2", l2.get()))
                .withEarlyStopping(new EarlyStopping(earlyStopping.get(), earlyStoppingMetric.get(),
                        whole("Patience", patience.get())))
                .withSeed(wholeLong("Seed", seed.get()));
        config.check();
        return config;
    }

    private static double decimal(String field, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the message below says what to write
        }
        throw new UserInputException(field + ": \"" + text.strip() + "\" is not a number; write e.g. 0.001.");
    }

    private static int whole(String field, String text) {
        long value = wholeLong(field, text);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new UserInputException(field + ": " + value + " is too large.");
        }
        return (int) value;
    }

    private static long wholeLong(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(field + ": \"" + text.strip() + "\" is not a whole number; write e.g. 32.");
        }
    }

    static double[] ratesOf(TrainingConfig config) {
        double[] rates = new double[config.epochs()];
        for (int epoch = 0; epoch < rates.length; epoch++) {
            rates[epoch] = config.learningRateAt(epoch);
        }
        return rates;
    }

    /** Short and exact: 0.001, 1.0E-5, 42. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    // ---- the run ----

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The session's own state, as of the last {@link #refresh}. */
    public ReadOnlyObjectProperty<SessionState> sessionStateProperty() {
        return sessionState.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty epochProgressProperty() {
        return epochProgress.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty runProgressProperty() {
        return runProgress.getReadOnlyProperty();
    }

    /** "epoch 3 / 20". */
    public ReadOnlyStringProperty epochTextProperty() {
        return epochText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty samplesPerSecondProperty() {
        return samplesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    /** What the run is doing or how it ended, in a sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The running (or last) run's events, for the live charts; a new buffer for each run. */
    public ReadOnlyObjectProperty<TrainingEventBuffer> liveBufferProperty() {
        return liveBuffer.getReadOnlyProperty();
    }

    /** The id the running run will be recorded under ("run-3"). */
    public ReadOnlyStringProperty liveRunIdProperty() {
        return liveRunId.getReadOnlyProperty();
    }

    /** The last finished run's result with its trained model (for evaluation and export), or null. */
    public ReadOnlyObjectProperty<TrainingResult> latestResultProperty() {
        return latestResult.getReadOnlyProperty();
    }

    /** The project's runs, oldest first. */
    public ObservableList<RunSummary> runs() {
        return runsView;
    }

    /** Whether Start does something: no run going on, a project open, and settings that make sense. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public boolean canStart() {
        return phase.get() == Phase.IDLE && session.project() != null && formProblem.get().isEmpty();
    }

    /** Prepares the project's data in the background, then trains on the session's own thread. */
    public void start() {
        startRun(false);
    }

    /**
     * Trains exactly one more epoch, then pauses: starts a run that pauses after its first epoch, or continues a
     * paused run for one epoch.
     */
    public void step() {
        if (phase.get() == Phase.PAUSED) {
            stepRequested.set(true);
            running.session().resume();
            phase.set(Phase.RUNNING);
            status.set("Training one epoch…");
        } else {
            startRun(true);
        }
    }

    /** Whether Step does something now. */
    public BooleanBinding canStepProperty() {
        return canStep;
    }


    /**
     * Slow motion: milliseconds to wait after each batch (0 = full speed, at most {@value #MAX_BATCH_DELAY_MILLIS}),
     * changeable during a run. The wait counts as training time.
     */
    public IntegerProperty batchDelayMillisProperty() {
        return batchDelayMillis;
    }

    /** The running (or last) run's points when its data has two features and classes, else null. */
    public ReadOnlyObjectProperty<PlaneData> planeDataProperty() {
        return planeData.getReadOnlyProperty();
    }

    /** The first training rows of the running (or last) run, as the network sees them: to measure activations on. */
    public ReadOnlyObjectProperty<float[][]> sampleRowsProperty() {
        return sampleRows.getReadOnlyProperty();
    }

    /** The running (or last) run's validation confusion matrix after its latest epoch; null before the first. */
    public ReadOnlyObjectProperty<ValidationConfusion.Matrix> validationConfusionProperty() {
        return validationConfusion.getReadOnlyProperty();
    }

    /** Looks at the model of every run started from now on, between its batches (decision boundary, histograms). */
    public void addModelObserver(ModelObserver observer) {
        modelObservers.add(observer);
    }

    private void startRun(boolean stepping) {
        if (!canStart()) {
            return;
        }
        stepRequested.set(stepping);
        Project project = session.project();
        String choice = backend.get() == null ? AUTO_BACKEND : backend.get();
        phase.set(Phase.PREPARING);
        stopBeforeStart = false;
        status.set("Preparing the data…");
        background.run("Preparing " + project.name() + " for training", () -> {
            ModelTraining training = ProjectTraining.prepare(project, TrainingBackends.forChoice(choice));
            return new Prepared(training, training.newSession(null), planeOf(training.inputs()),
                    sampleRowsOf(training.inputs()));
        }, prepared -> begin(project, prepared), problem -> {
            phase.set(Phase.IDLE);
            status.set("Training did not start: " + problem.getMessage());
            errors.accept("Preparing the training", problem);
        });
    }

    /** The training split's points when the data has exactly two features and at least two classes. */
    static PlaneData planeOf(PreparedInputs inputs) {
        if (!(inputs.train() instanceof ArrayDataset train) || train.featureCount() != 2 || train.size() == 0
                || train.classNames().size() < 2) {
            return null;
        }
        int count = Math.min(train.size(), MAX_PLANE_POINTS);
        float[][] points = new float[count][];
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            int row = (int) ((long) i * train.size() / count); // an even sample of larger sets
            points[i] = train.features()[row].clone();
            classes[i] = train.classIndex(row);
        }
        List<String> names = inputs.preprocessing() instanceof FittedPreprocessing table
                ? table.featureNames() : List.of("x₁", "x₂");
        return new PlaneData(points, classes, train.classNames(), names.get(0) + " (scaled)",
                names.get(1) + " (scaled)");
    }

    static float[][] sampleRowsOf(PreparedInputs inputs) {
        int[] rows = new int[Math.min(SAMPLE_ROWS, inputs.train().size())];
        java.util.Arrays.setAll(rows, i -> i);
        return inputs.train().read(rows).features();
    }

    private void begin(Project project, Prepared prepared) {
        ModelTraining training = prepared.training();
        TrainingSession trainingSession = prepared.session();
        if (stopBeforeStart) {
            phase.set(Phase.IDLE);
            status.set("Stopped before training started.");
            return;
        }
        int trainSize = training.inputs().train().size();
        int batches = (trainSize + training.config().batchSize() - 1) / training.config().batchSize();
        Running run = new Running(project.nextRunId(), Instant.now(), training, trainingSession, new LiveFigures(),
                batches, trainSize);
        TrainingEventBuffer buffer = new TrainingEventBuffer();
        trainingSession.setMeasureUpdates(true);
        trainingSession.addListener(buffer);
        trainingSession.addListener(run.figures());
        trainingSession.addListener(teachingControls(trainingSession));
        modelObservers.forEach(trainingSession::addModelObserver);
        validationConfusion.set(null);
        if (ValidationConfusion.applies(training.inputs().validation())) {
            trainingSession.addModelObserver(new ValidationConfusion(training.inputs().validation(),
                    matrix -> uiThread.execute(() -> validationConfusion.set(matrix))));
        }
        sampleRows.set(prepared.sampleRows());
        planeData.set(prepared.plane());
        running = run;
        liveRunId.set(run.runId());
        liveBuffer.set(buffer);
        epochProgress.set(0);
        runProgress.set(0);
        phase.set(Phase.RUNNING);
        List<String> notes = new ArrayList<>(training.notes());
        if (device.get() == ComputePreference.GPU && !devices.get().startsWith("GPU")) {
            notes.add("GPU was chosen, but this build has no GPU backend: training runs on the CPU.");
        }
        status.set(notes.isEmpty() ? "Training…" : String.join(" ", notes));
        trainingSession.resultFuture().whenComplete((result, problem) -> {
            // On the training thread, which is done training: evaluating here keeps the UI thread free.
            EvaluationReport testMetrics = result == null ? null : evaluate(training, result);
            uiThread.execute(() -> ended(run, result, testMetrics, problem));
        });
        trainingSession.start();
    }

    /** Step and slow motion, on the training thread: pause after a stepped epoch, wait after each batch. */
    private TrainingListener teachingControls(TrainingSession trainingSession) {
        return new TrainingListener() {
            @Override
            public void onIteration(IterationEvent event) {
                int delay = batchDelay;
                if (delay > 0) {
                    try {
                        TimeUnit.MILLISECONDS.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void onEpoch(EpochEvent event) {
                if (stepRequested.getAndSet(false)) {
                    trainingSession.pause(); // takes effect before the next batch: exactly this epoch was trained
                    uiThread.execute(() -> stepped(event));
                }
            }
        };
    }

    private void stepped(EpochEvent event) {
        if (phase.get() == Phase.RUNNING && running != null) {
            phase.set(Phase.PAUSED);
            status.set("Epoch " + (event.epoch() + 1) + " trained. Step trains one more, Resume trains on.");
        }
    }

    /** The test-split metrics of a run that trained at least one epoch; null when it cannot be evaluated. */
    private static EvaluationReport evaluate(ModelTraining training, TrainingResult result) {
        if (result.history().isEmpty() || training.inputs().test().size() == 0) {
            return null;
        }
        try {
            return training.evaluateTest(result);
        } catch (RuntimeException e) {
            return null; // the run is still worth recording; its test column stays empty
        }
    }

    private void ended(Running run, TrainingResult result, EvaluationReport testMetrics, Throwable problem) {
        refresh();
        running = null;
        phase.set(Phase.IDLE);
        if (result == null) {
            status.set("Training failed: " + problem.getMessage());
            errors.accept("Training", problem);
            return;
        }
        TrainingResult previous = latestResult.get();
        latestResult.set(result);
        if (previous != null && previous.model() != null) {
            previous.model().close();
        }
        status.set(result.message());
        if (session.project() != null) {
            Run record = Run.of(run.runId(), run.startedAt(), result, testMetrics, null,
                    run.session().currentConfig());
            session.edit(project -> project.withRun(record));
        }
        if (result.state() == SessionState.DIVERGED) {
            errors.accept("Training", new UserInputException(result.message()));
        }
    }

    public void pause() {
        if (phase.get() == Phase.RUNNING) {
            running.session().pause();
            phase.set(Phase.PAUSED);
            status.set("Pausing after this batch… You can change the learning rate while paused.");
        }
    }

    public void resume() {
        if (phase.get() == Phase.PAUSED) {
            stepRequested.set(false);
            running.session().resume();
            phase.set(Phase.RUNNING);
            status.set("Training…");
        }
    }

    /** Stops after the current batch; the run is recorded with what it trained so far. */
    public void stop() {
        if (phase.get() == Phase.PREPARING) {
            stopBeforeStart = true;
            status.set("Stopping…");
        } else if (running != null) {
            running.session().stop();
            status.set("Stopping after this batch…");
        }
    }

    /** Copies the running session's latest figures into the properties; the view calls it once per frame. */
    public void refresh() {
        Running run = running;
        if (run == null) {
            return;
        }
        LiveFigures figures = run.figures();
        sessionState.set(figures.state());
        IterationEvent last = figures.latestIteration();
        int totalEpochs = run.training().config().epochs();
        double seconds = figures.runningSeconds();
        elapsed.set(duration(seconds));
        if (last == null) {
            epochText.set("epoch 1 / " + totalEpochs);
            return;
        }
        long batchInEpoch = last.iteration() + 1 - (long) last.epoch() * run.batchesPerEpoch();
        epochProgress.set(Math.min(1, (double) batchInEpoch / run.batchesPerEpoch()));
        runProgress.set(last.progress());
        epochText.set("epoch " + (last.epoch() + 1) + " / " + totalEpochs);
        long samples = (long) last.epoch() * run.trainSize()
                + Math.min(run.trainSize(), batchInEpoch * run.training().config().batchSize());
        samplesPerSecond.set(seconds > 0 ? String.format(Locale.ROOT, "%,.0f samples/s", samples / seconds) : "");
        double progress = last.progress();
        eta.set(progress > 0 && progress < 1 ? duration(seconds * (1 - progress) / progress) + " left" : "");
        EpochEvent epoch = figures.latestEpoch();
        if (phase.get() == Phase.RUNNING && epoch != null && figures.state() == SessionState.RUNNING) {
            status.set(String.format(Locale.ROOT, "Epoch %d: loss %.4f%s", epoch.epoch() + 1, epoch.trainLoss(),
                    Double.isNaN(epoch.validationLoss()) ? ""
                            : String.format(Locale.ROOT, ", validation loss %.4f", epoch.validationLoss())));
        }
    }

    /** "0:07", "12:30", "1:02:03". */
    static String duration(double seconds) {
        long total = Math.max(0, Math.round(seconds));
        long hours = total / 3600;
        long minutes = total / 60 % 60;
        long secs = total % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }

    // ---- the history ----

    /** Buffers holding the recorded epochs of these runs, to overlay their curves on one chart. */
    public Map<String, TrainingEventBuffer> curvesOf(List<String> runIds) {
        Map<String, TrainingEventBuffer> curves = new LinkedHashMap<>();
        for (String id : runIds) {
            Run run = runById(id);
            TrainingEventBuffer buffer = new TrainingEventBuffer();
            run.history().forEach(buffer::onEpoch);
            buffer.onStateChanged(SessionState.valueOf(knownState(run.state())), run.message());
            curves.put(id, buffer);
        }
        return curves;
    }

    private static String knownState(String state) {
        for (SessionState known : SessionState.values()) {
            if (known.name().equals(state)) {
                return state;
            }
        }
        return SessionState.COMPLETED.name(); // a state from a newer version; only the curves matter here
    }

    /** What differs between two runs' settings, one line each, or a sentence when there is nothing to compare. */
    public List<String> configDiff(String firstId, String secondId) {
        Run first = runById(firstId);
        Run second = runById(secondId);
        if (first.config() == null || second.config() == null) {
            return List.of((first.config() == null ? firstId : secondId) + " has no recorded settings (it was"
                    + " recorded before runs kept them).");
        }
        List<String> lines = ConfigDiff.between(first.config(), second.config());
        return lines.isEmpty() ? List.of(firstId + " and " + secondId + " were trained with the same settings.")
                : lines;
    }

    private Run runById(String id) {
        return session.project().runs().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run " + id));
    }
}
