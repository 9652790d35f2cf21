package io.neuralworkbench.engine.training;

import java.util.List;

/**
 * How a session ended. {@code model} holds the weights to use: the best epoch's with early stopping, the last
 * good epoch's after divergence, otherwise the latest.
 *
 * @param bestEpoch the 0-based epoch whose weights the model holds, or -1 if no epoch finished
 */
public record TrainingResult(SessionState state, String message, List<EpochEvent> history, int bestEpoch,
                             TrainableModel model) {
    public TrainingResult {
        history = List.copyOf(history);
    }

    public EpochEvent lastEpoch() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }
}
