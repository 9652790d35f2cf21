package io.neuralworkbench.engine.project;

import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingResult;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One training run of a project, as the history shows it.
 *
 * @param state       how the run ended, a {@code SessionState} name; kept as text so that a project written by
 *                    a newer version with more states still opens
 * @param testMetrics the metrics on the test split, or null when the run was not evaluated
 * @param bundle      the model bundle written for the run, or null; made absolute like {@link ProjectData#file}
 * @param message     what the session said when it ended (empty when it said nothing)
 * @param config      the training settings of the run (with the learning rate it ended with), or null for runs
 *                    recorded before runs kept them
 */
public record Run(String id, Instant startedAt, String state, List<EpochEvent> history,
                  EvaluationReport testMetrics, Path bundle, String message, TrainingConfig config) {
    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(state, "state");
        history = List.copyOf(history);
        bundle = bundle == null ? null : bundle.toAbsolutePath().normalize();
        message = message == null ? "" : message;
    }

    /** A run without its training settings. */
    public Run(String id, Instant startedAt, String state, List<EpochEvent> history, EvaluationReport testMetrics,
               Path bundle, String message) {
        this(id, startedAt, state, history, testMetrics, bundle, message, null);
    }

    /** The record of a finished session. */
    public static Run of(String id, Instant startedAt, TrainingResult result, EvaluationReport testMetrics,
                         Path bundle) {
        return new Run(id, startedAt, result.state().name(), result.history(), testMetrics, bundle, result.message());
    }

    /** The record of a finished session trained with {@code config}. */
    public static Run of(String id, Instant startedAt, TrainingResult result, EvaluationReport testMetrics,
                         Path bundle, TrainingConfig config) {
        return new Run(id, startedAt, result.state().name(), result.history(), testMetrics, bundle, result.message(),
                config);
    }
}
