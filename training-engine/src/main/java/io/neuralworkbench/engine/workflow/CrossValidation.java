package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.CrossValidationData;
import io.neuralworkbench.engine.data.DataPreparer;
import io.neuralworkbench.engine.data.PreparedFold;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.training.EarlyStopping;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.IterationEvent;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingListener;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.TrainingSession;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * k-fold cross-validation of one configuration on a table, the same steps for the CLI and the GUI: the
 * usable rows are dealt into k folds (stratified for classification); for each fold the preprocessing is
 * fitted on the other folds only, a fresh model (initialised from the configuration's seed, so every fold
 * starts alike) trains on them, and is evaluated on the held-out fold. {@link #run} reports each fold and
 * the metrics' mean ± standard deviation.
 * <p>
 * The held-out fold serves as the session's validation data, so epoch events show its loss and accuracy;
 * early stopping is therefore switched off, as it would pick the epoch on the very rows being scored.
 */
public final class CrossValidation {
    private final CrossValidationData data;
    private final NetworkDescription requestedNetwork;
    private final TrainingConfig config;
    private final TrainingBackend backend;
    private final List<String> notes;
    private volatile boolean cancelled;
    private volatile TrainingSession currentSession;

    private CrossValidation(CrossValidationData data, NetworkDescription requestedNetwork, TrainingConfig config,
                            TrainingBackend backend, List<String> notes) {
        this.data = data;
        this.requestedNetwork = requestedNetwork;
        this.config = config;
        this.backend = backend;
        this.notes = List.copyOf(notes);
    }

    /**
     * Checks the options and deals the rows into folds; nothing is trained yet.
     *
     * @param network the network to train, or null for the MLP template that suits the task; resized to
     *                each fold's data
     * @param folds   k, from 2 to the number of usable rows
     * @throws UserInputException for bad data or options, k out of range, or a class with fewer than k rows
     */
    public static CrossValidation prepare(RawTable table, PreprocessingSpec spec, NetworkDescription network,
                                          TrainingConfig config, TrainingBackend backend, int folds) {
        config.check();
        CrossValidationData data = DataPreparer.prepareFolds(table, spec, folds);
        List<String> notes = new ArrayList<>(data.notes());
        TrainingConfig foldConfig = config;
        if (config.earlyStopping().enabled()) {
            notes.add("Early stopping is off during cross-validation: it would choose the epoch on the held-out"
                    + " fold it is scored on; every fold trains " + config.epochs() + " epochs.");
            foldConfig = config.withEarlyStopping(EarlyStopping.off());
        }
        return new CrossValidation(data, network, foldConfig, backend, notes);
    }

    public CrossValidationData data() {
        return data;
    }

    /** The settings every fold trains with (early stopping off). */
    public TrainingConfig config() {
        return config;
    }

    /** What was left out or switched off while preparing, one sentence each. */
    public List<String> notes() {
        return notes;
    }

    /**
     * Trains and evaluates the folds one after another on the calling thread. Stops early when
     * {@link #cancel} is called (the fold in training is dropped) or when a fold diverges.
     *
     * @param listener receives progress; may be null
     * @throws UserInputException if the network cannot take a fold's data
     */
    public CrossValidationResult run(CrossValidationListener listener) {
        CrossValidationListener events = listener != null ? listener : new CrossValidationListener() {
        };
        int foldCount = data.foldCount();
        List<FoldResult> results = new ArrayList<>(foldCount);
        Set<String> runNotes = new LinkedHashSet<>(notes);
        for (int fold = 0; fold < foldCount; fold++) {
            if (cancelled) {
                return result(results, SessionState.STOPPED, stoppedMessage(fold), runNotes);
            }
            PreparedFold prepared = data.fold(fold);
            // The held-out fold is both the session's validation data (for the epoch events) and its test split.
            PreparedInputs inputs = new PreparedInputs(prepared.preprocessing(), prepared.train(), prepared.heldOut(),
                    prepared.heldOut(), data.table().fileName(), data.table().sha256(), prepared.notes());
            ModelTraining training = ModelTraining.prepare(inputs, requestedNetwork, config, backend);
            runNotes.addAll(training.notes());
            events.onFoldStarted(fold, foldCount, prepared.train().size(), prepared.heldOut().size());

            TrainingSession session = training.newSession(null);
            session.addListener(new FoldEvents(fold, foldCount, events));
            currentSession = session;
            if (cancelled) {
                session.stop();
            }
            TrainingResult trained = session.run();
            currentSession = null;
            try (TrainableModel ignored = trained.model()) {
                if (trained.state() == SessionState.STOPPED) {
                    return result(results, SessionState.STOPPED, stoppedMessage(fold), runNotes);
                }
                if (trained.state() == SessionState.DIVERGED) {
                    return result(results, SessionState.DIVERGED, "Fold " + (fold + 1) + " of " + foldCount + ": "
                            + trained.message(), runNotes);
                }
                EvaluationReport heldOut = training.evaluateTest(trained);
                List<EpochEvent> history = trained.history();
                FoldResult foldResult = new FoldResult(fold, prepared.train().size(), prepared.heldOut().size(),
                        history.size(), history.isEmpty() ? 0 : history.get(history.size() - 1).elapsedSeconds(),
                        heldOut);
                results.add(foldResult);
                events.onFoldFinished(foldResult, foldCount);
            }
        }
        return result(results, SessionState.COMPLETED, "Cross-validation finished: " + foldCount + " folds of "
                + config.epochs() + " epochs each", runNotes);
    }

    /** Asks a running {@link #run} to stop after the current batch; safe from any thread. */
    public void cancel() {
        cancelled = true;
        TrainingSession session = currentSession;
        if (session != null) {
            session.stop();
        }
    }

    private CrossValidationResult result(List<FoldResult> folds, SessionState state, String message,
                                         Set<String> runNotes) {
        return CrossValidationResult.of(data.task(), data.foldCount(), folds, state, message,
                List.copyOf(runNotes));
    }

    private String stoppedMessage(int fold) {
        return "Cross-validation stopped by the user in fold " + (fold + 1) + " of " + data.foldCount() + "; "
                + fold + " folds finished";
    }

    /** Passes a fold's session events on, with the fold's number. */
    private record FoldEvents(int fold, int foldCount, CrossValidationListener listener) implements TrainingListener {
        @Override
        public void onIteration(IterationEvent event) {
            listener.onIteration(fold, foldCount, event);
        }

        @Override
        public void onEpoch(EpochEvent event) {
            listener.onEpoch(fold, foldCount, event);
        }
    }
}
