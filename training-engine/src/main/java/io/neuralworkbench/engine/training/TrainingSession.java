package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.SampleSource;
import io.neuralworkbench.engine.network.NetworkDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * One training run: epochs of shuffled mini-batches on a background thread, reporting plain events to
 * listeners. Pause, resume and stop are cooperative (checked between batches), so the optimizer state
 * survives a pause. A NaN or infinite loss ends the run and rolls the model back to the last good epoch.
 * With a checkpoint directory, every epoch is checkpointed atomically and {@link #resume} continues a run
 * whose process died.
 *
 * <p>Determinism: parameter initialisation uses the configured seed, the batch order of epoch {@code e} is
 * drawn from (seed, e), and the random stream for dropout is re-seeded from (seed, e) at each epoch, so the
 * same seed, data and configuration give the same metrics — and a resumed run continues as the original
 * would have. A source that varies per epoch (augmentation) is asked for epoch {@code e}'s samples with (seed, e).
 *
 * <p>Data: an in-memory training or validation set is uploaded to the backend once; any other
 * {@link SampleSource} (images streamed from disk, augmented images) is read batch by batch, the next batch on a
 * background thread while the current one trains, and uploaded per batch. Both give the same batches in the same
 * order, so the same metrics.
 */
public final class TrainingSession {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);
    /** Training accuracy is measured on at most this many samples per epoch; beyond it, a fixed sample. */
    private static final int ACCURACY_SAMPLE_LIMIT = 10_000;
    /**
     * With updates measured, every this many batches are (the first batch of the run, then every 8th): measuring
     * costs a few passes over the weights, a copy of them with PyTorch, which on small batches is felt if done
     * every batch; a curve of every 8th batch shows the trend as well.
     */
    static final int UPDATE_SAMPLE_INTERVAL = 8;

    private final TrainingBackend backend;
    private final NetworkDescription network;
    private final TrainingConfig config;
    private final SampleSource train;
    private final SampleSource validation;
    private final Path checkpointDirectory;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ModelObserver> observers = new CopyOnWriteArrayList<>();
    private final Object pauseLock = new Object();
    private final CompletableFuture<TrainingResult> result = new CompletableFuture<>();

    private TrainableModel model;
    private Checkpoint resumeFrom;
    private volatile SessionState state = SessionState.CREATED;
    private volatile boolean pauseRequested;
    private volatile boolean stopRequested;
    /** The rate the schedule starts from; {@link #changeLearningRate} replaces it during a run. */
    private volatile double baseLearningRate;
    private volatile boolean learningRateChanged;
    private volatile boolean measureUpdates;

    private TrainingSession(TrainingBackend backend, NetworkDescription network, TrainingConfig config,
                            SampleSource train, SampleSource validation, Path checkpointDirectory) {
        this.backend = backend;
        this.network = network;
        this.config = config;
        this.train = train;
        this.validation = validation;
        this.checkpointDirectory = checkpointDirectory;
        this.baseLearningRate = config.learningRate();
    }

    /**
     * A new run. {@code validation} may be null; {@code checkpointDirectory} may be null for no checkpoints.
     */
    public static TrainingSession create(TrainingBackend backend, NetworkDescription network, TrainingConfig config,
                                         SampleSource train, SampleSource validation, Path checkpointDirectory) {
        config.check();
        if (train.size() == 0) {
            throw new UserInputException("The training set is empty: there is nothing to learn from.");
        }
        BackendChoice choice = TrainingBackends.resolve(backend, network);
        if (choice.reason() != null) {
            LOG.info(choice.reason());
        }
        return new TrainingSession(choice.backend(), network, config, train, validation, checkpointDirectory);
    }

    /** Continues the run checkpointed in {@code checkpointDirectory}, on the same data. */
    public static TrainingSession resume(TrainingBackend backend, Path checkpointDirectory, SampleSource train,
                                         SampleSource validation) {
        Checkpoint checkpoint = Checkpoint.read(checkpointDirectory);
        if (backend instanceof AutoBackend) {
            backend = TrainingBackends.byId(checkpoint.backendId());
        }
        if (!checkpoint.backendId().equals(backend.id())) {
            throw new UserInputException("The checkpoint was made by the " + checkpoint.backendId()
                    + " backend; resume it with that backend.");
        }
        TrainingSession session = new TrainingSession(backend, checkpoint.network(), checkpoint.config(), train,
                validation, checkpointDirectory);
        session.resumeFrom = checkpoint;
        return session;
    }

    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    /** Adds an observer that looks at the model on the training thread between batches. */
    public void addModelObserver(ModelObserver observer) {
        observers.add(observer);
    }

    /** Whether a pause was asked for and not yet resumed (the run pauses, or is paused, before its next batch). */
    public boolean isPauseRequested() {
        return pauseRequested;
    }

    public SessionState state() {
        return state;
    }

    public TrainingConfig config() {
        return config;
    }

    public NetworkDescription network() {
        return network;
    }

    /** Starts the run on a new daemon thread and returns at once; see {@link #awaitResult()}. */
    public void start() {
        Thread thread = new Thread(this::runAndComplete, "training-session");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs on the calling thread until the run ends. */
    public TrainingResult run() {
        runAndComplete();
        return awaitResult();
    }

    public TrainingResult awaitResult() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for training", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public CompletableFuture<TrainingResult> resultFuture() {
        return result;
    }

    /** Asks the run to pause after the current batch. */
    public void pause() {
        pauseRequested = true;
    }

    public void resume() {
        synchronized (pauseLock) {
            pauseRequested = false;
            pauseLock.notifyAll();
        }
    }

    /**
     * Trains with a new learning rate from the next batch on, keeping the optimizer state (Adam's moments, step
     * count): the schedule continues from {@code newRate} as if the run had been configured with it. Meant for
     * a paused run; callable from any thread.
     *
     * @throws UserInputException if the rate is not a positive number
     */
    public void changeLearningRate(double newRate) {
        config.withLearningRate(newRate).check();
        baseLearningRate = newRate;
        learningRateChanged = true;
    }

    /** The settings as they are now: the configured ones with the learning rate last set by {@link #changeLearningRate}. */
    public TrainingConfig currentConfig() {
        return config.withLearningRate(baseLearningRate);
    }

    /**
     * Whether iteration events carry the update's norm and its ratio to the parameters' norm, on every
     * {@value #UPDATE_SAMPLE_INTERVAL}th batch (the others carry NaN), when the backend can measure them. Off by
     * default.
     */
    public void setMeasureUpdates(boolean measure) {
        measureUpdates = measure;
    }

    /** Asks the run to stop after the current batch; the model trained so far is kept. */
    public void stop() {
        stopRequested = true;
        resume();
    }

    private void runAndComplete() {
        try {
            result.complete(train());
        } catch (RuntimeException | Error e) {
            changeState(SessionState.FAILED, e instanceof UserInputException ? e.getMessage()
                    : "Training failed: " + e);
            if (!(e instanceof UserInputException)) {
                LOG.error("Training failed", e);
            }
            result.completeExceptionally(e);
        }
    }

    private TrainingResult train() {
        List<EpochEvent> history = new ArrayList<>();
        int startEpoch = 0;
        long iteration = 0;
        int bestEpoch = -1;
        double bestValue = Double.NaN;
        if (resumeFrom != null) {
            model = loadCheckpointModel();
            history.addAll(resumeFrom.history());
            startEpoch = resumeFrom.epochsCompleted();
            iteration = resumeFrom.iterations();
            bestEpoch = resumeFrom.bestEpoch();
            bestValue = resumeFrom.bestValue();
        } else {
            model = backend.compile(network, config);
        }
        changeState(SessionState.RUNNING, startEpoch == 0 ? "Training started"
                : "Training resumed at epoch " + (startEpoch + 1));

        EarlyStopping earlyStopping = config.earlyStopping();
        boolean monitorBest = earlyStopping.enabled() && validation != null && validation.size() > 0;
        ParameterSnapshot best = monitorBest && bestEpoch >= 0 ? loadBestSnapshot() : null;
        ParameterSnapshot lastGood = model.snapshot();
        int batchesPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        long totalIterations = (long) batchesPerEpoch * config.epochs();
        double elapsedSeconds = history.isEmpty() ? 0 : history.get(history.size() - 1).elapsedSeconds();
        String endMessage = "Training finished after " + config.epochs() + " epochs";

        boolean trainInMemory = train.inMemory();
        boolean hasValidation = validation != null && validation.size() > 0;
        boolean validationInMemory = hasValidation && validation.inMemory();
        int[] accuracyRows = accuracySampleRows(train.size());
        ArrayDataset accuracySample = trainInMemory ? train.read(accuracyRows) : null;
        try (BackendData trainData = trainInMemory ? model.upload(inMemory(train)) : null;
             BackendData accuracyData = trainInMemory ? model.upload(accuracySample) : null;
             BackendData validationData = validationInMemory ? model.upload(inMemory(validation)) : null) {
            for (int epoch = startEpoch; epoch < config.epochs(); epoch++) {
                learningRateChanged = false; // before reading the rate, so a change racing with it is not lost
                double learningRate = learningRateAt(epoch);
                model.setLearningRate(learningRate);
                model.seedRandom(mix(config.seed(), epoch));
                int[] order = shuffledIndices(train.size(), mix(config.seed(), epoch));
                List<int[]> batches = new ArrayList<>(batchesPerEpoch);
                for (int from = 0; from < order.length; from += config.batchSize()) {
                    batches.add(Arrays.copyOfRange(order, from, Math.min(order.length, from + config.batchSize())));
                }

                long epochStart = System.nanoTime();
                double lossSum = 0;
                try (BatchPrefetcher prefetcher = trainInMemory ? null
                        : new BatchPrefetcher(train.forEpoch(config.seed(), epoch), batches)) {
                    for (int batch = 0; batch < batchesPerEpoch; batch++) {
                        long pausedNanos = waitWhilePaused();
                        epochStart += pausedNanos;
                        if (learningRateChanged) {
                            learningRateChanged = false;
                            learningRate = learningRateAt(epoch);
                            model.setLearningRate(learningRate);
                        }
                        if (stopRequested) {
                            return finish(SessionState.STOPPED, "Stopped by the user during epoch " + (epoch + 1),
                                    history, best != null ? bestEpoch : epoch - 1, best);
                        }
                        boolean measureThis = measureUpdates && iteration % UPDATE_SAMPLE_INTERVAL == 0;
                        if (measureUpdates) {
                            model.setMeasureUpdates(measureThis);
                        }
                        double loss = trainInMemory ? model.fitBatch(trainData, batches.get(batch))
                                : fitStreamedBatch(prefetcher.next());
                        if (!Double.isFinite(loss)) {
                            model.restore(lastGood);
                            return finish(SessionState.DIVERGED, divergedMessage(epoch, loss, learningRate),
                                    history, epoch - 1, null);
                        }
                        lossSum += loss;
                        iteration++;
                        IterationEvent event = measureThis
                                ? measuredIteration(epoch, iteration - 1, loss, (double) iteration / totalIterations)
                                : new IterationEvent(epoch, iteration - 1, loss, (double) iteration / totalIterations);
                        listeners.forEach(l -> l.onIteration(event));
                        if (!observers.isEmpty()) {
                            ModelProbe probe = probe();
                            observers.forEach(o -> o.afterBatch(event, probe));
                        }
                    }
                }
                double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
                elapsedSeconds += epochSeconds;

                double trainAccuracy = trainInMemory
                        ? accuracy(model.predict(accuracyData), accuracySample.targets())
                        : accuracy(SourceInference.score(model, train, accuracyRows, false));
                double validationLoss = Double.NaN;
                double validationAccuracy = Double.NaN;
                if (hasValidation) {
                    if (validationInMemory) {
                        validationLoss = model.meanLoss(validationData);
                        validationAccuracy = accuracy(model.predict(validationData), inMemory(validation).targets());
                    } else {
                        SourceInference.Scored scored = SourceInference.score(model, validation, true);
                        validationLoss = scored.meanLoss();
                        validationAccuracy = accuracy(scored);
                    }
                    if (!Double.isFinite(validationLoss)) {
                        model.restore(lastGood);
                        return finish(SessionState.DIVERGED, divergedMessage(epoch, validationLoss, learningRate),
                                history, epoch - 1, null);
                    }
                }
                lastGood = model.snapshot();
                int epochsDone = epoch + 1;
                double etaSeconds = elapsedSeconds / epochsDone * (config.epochs() - epochsDone);
                EpochEvent epochEvent = new EpochEvent(epoch, config.epochs(), lossSum / batchesPerEpoch,
                        trainAccuracy, validationLoss, validationAccuracy, learningRate,
                        train.size() / Math.max(epochSeconds, 1e-9), elapsedSeconds, etaSeconds);
                history.add(epochEvent);

                boolean improved = false;
                if (monitorBest) {
                    double value = earlyStopping.metric() == EarlyStopping.Metric.VALIDATION_LOSS
                            ? validationLoss : validationAccuracy;
                    improved = bestEpoch < 0 || (earlyStopping.metric().higherIsBetter()
                            ? value > bestValue : value < bestValue);
                    if (improved) {
                        bestEpoch = epoch;
                        bestValue = value;
                        best = lastGood;
                    }
                }
                writeCheckpoint(epochsDone, iteration, history, bestEpoch, bestValue, improved);
                listeners.forEach(l -> l.onEpoch(epochEvent));
                boolean earlyStop = monitorBest && epoch - bestEpoch >= earlyStopping.patience();
                if (!observers.isEmpty()) {
                    ModelProbe probe = probe();
                    boolean pausing = pauseRequested || stopRequested || earlyStop || epochsDone == config.epochs();
                    observers.forEach(o -> o.afterEpoch(epochEvent, probe, pausing));
                }

                if (earlyStop) {
                    endMessage = "Early stopping after epoch " + epochsDone + ": no improvement in "
                            + earlyStopping.patience() + " epochs; keeping epoch " + (bestEpoch + 1);
                    break;
                }
            }
        }
        return finish(SessionState.COMPLETED, endMessage, history,
                best != null ? bestEpoch : history.size() - 1, best);
    }

    /** The model as observers may see it: reading only, and only during their call on this thread. */
    private ModelProbe probe() {
        TrainableModel current = model;
        return new ModelProbe() {
            @Override
            public float[][] predict(float[][] features) {
                return current.predict(features);
            }

            @Override
            public List<LayerParameters> parameters() {
                return current.layerParameters();
            }

            @Override
            public java.util.Map<String, float[]> activations(float[][] features) {
                return current.layerActivations(features);
            }
        };
    }

    private TrainingResult finish(SessionState endState, String message, List<EpochEvent> history, int bestEpoch,
                                  ParameterSnapshot best) {
        if (best != null) {
            model.restore(best);
        }
        changeState(endState, message);
        return new TrainingResult(endState, message, history, bestEpoch, model);
    }

    private double learningRateAt(int epoch) {
        return config.schedule().rateAt(baseLearningRate, epoch, config.epochs());
    }

    private IterationEvent measuredIteration(int epoch, long iteration, double loss, double progress) {
        double updateNorm = model.lastUpdateNorm();
        double parameterNorm = Double.isNaN(updateNorm) ? Double.NaN : model.parameterNorm();
        return new IterationEvent(epoch, iteration, loss, progress, updateNorm,
                parameterNorm > 0 ? updateNorm / parameterNorm : Double.NaN);
    }

    private static String divergedMessage(int epoch, double loss, double learningRate) {
        return "Training diverged in epoch " + (epoch + 1) + ": the loss became " + (Double.isNaN(loss) ? "NaN" : "infinite")
                + ". Try a lower learning rate (now " + learningRate + ", e.g. " + (learningRate / 10)
                + "); the model was rolled back to the last good epoch.";
    }

    private long waitWhilePaused() {
        if (!pauseRequested || stopRequested) {
            return 0;
        }
        long start = System.nanoTime();
        changeState(SessionState.PAUSED, "Paused");
        synchronized (pauseLock) {
            while (pauseRequested && !stopRequested) {
                try {
                    pauseLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
        }
        if (!stopRequested) {
            changeState(SessionState.RUNNING, "Resumed");
        }
        return System.nanoTime() - start;
    }

    private void writeCheckpoint(int epochsDone, long iteration, List<EpochEvent> history, int bestEpoch,
                                 double bestValue, boolean improved) {
        if (checkpointDirectory == null) {
            return;
        }
        try {
            if (improved) {
                Checkpoint.writeBestModel(checkpointDirectory, model);
            }
            new Checkpoint(Checkpoint.FORMAT_VERSION, backend.id(), network, config, epochsDone, iteration, history,
                    bestEpoch, bestValue).write(checkpointDirectory, model);
        } catch (IOException e) {
            // Losing a checkpoint must not lose the run; say so and keep training.
            LOG.warn("Could not write the checkpoint to {}: {}", checkpointDirectory, e.toString());
        }
    }

    private TrainableModel loadCheckpointModel() {
        try {
            return Checkpoint.loadModel(checkpointDirectory, backend, network);
        } catch (IOException e) {
            throw new UserInputException("Could not read the checkpoint model in " + checkpointDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    private ParameterSnapshot loadBestSnapshot() {
        Path bestFile = checkpointDirectory.resolve(Checkpoint.BEST_MODEL_FILE_NAME);
        if (!Files.isRegularFile(bestFile)) {
            return null;
        }
        try (TrainableModel bestModel = backend.load(bestFile, network)) {
            return bestModel.snapshot();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void changeState(SessionState newState, String message) {
        state = newState;
        for (TrainingListener listener : listeners) {
            listener.onStateChanged(newState, message);
        }
    }

    /** One batch read from a streamed source: uploaded, trained on in its order, released. */
    private double fitStreamedBatch(ArrayDataset batch) {
        int[] inOrder = new int[batch.size()];
        Arrays.setAll(inOrder, i -> i);
        try (BackendData uploaded = model.upload(batch)) {
            return model.fitBatch(uploaded, inOrder);
        }
    }

    private static ArrayDataset inMemory(SampleSource source) {
        if (source instanceof ArrayDataset data) {
            return data;
        }
        int[] all = new int[source.size()];
        Arrays.setAll(all, i -> i);
        return source.read(all);
    }

    /** A fixed, seed-independent subset of rows for measuring training accuracy cheaply on large sets. */
    private static int[] accuracySampleRows(int size) {
        int[] rows = new int[Math.min(size, ACCURACY_SAMPLE_LIMIT)];
        double step = (double) size / rows.length;
        for (int i = 0; i < rows.length; i++) {
            rows[i] = size <= ACCURACY_SAMPLE_LIMIT ? i : (int) (i * step);
        }
        return rows;
    }

    private double accuracy(SourceInference.Scored scored) {
        return accuracy(scored.outputs(), scored.targets());
    }

    /** Share of samples whose largest output is the true class; NaN for regression. */
    private double accuracy(float[][] outputs, float[][] targets) {
        if (train.classNames().isEmpty() || outputs.length == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int i = 0; i < outputs.length; i++) {
            if (ArrayDataset.argMax(outputs[i]) == ArrayDataset.argMax(targets[i])) {
                correct++;
            }
        }
        return (double) correct / outputs.length;
    }

    private static long mix(long seed, int epoch) {
        return seed * 0x9E3779B97F4A7C15L + epoch;
    }

    private static int[] shuffledIndices(int size, long seed) {
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            indices[i] = i;
        }
        Random random = new Random(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        return indices;
    }
}
