package io.neuralworkbench.app.gui.train;

import io.neuralworkbench.engine.project.Run;
import io.neuralworkbench.engine.training.EpochEvent;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One row of the run history: how a recorded run ended and its best figures. Validation figures are NaN when
 * the run had no validation split; accuracies are NaN for regression.
 *
 * @param test the test-split metrics in a sentence, or "" when the run was not evaluated
 */
public record RunSummary(String id, String state, int epochs, double bestValidationLoss,
                         double bestValidationAccuracy, double lastTrainLoss, String test, Run run) {

    public static RunSummary of(Run run) {
        List<EpochEvent> history = run.history();
        return new RunSummary(run.id(), run.state(), history.size(),
                best(history, EpochEvent::validationLoss, false),
                best(history, EpochEvent::validationAccuracy, true),
                history.isEmpty() ? Double.NaN : history.get(history.size() - 1).trainLoss(),
                run.testMetrics() == null ? "" : run.testMetrics().summary(), run);
    }

    private static double best(List<EpochEvent> history, ToDoubleFunction<EpochEvent> figure, boolean higherIsBetter) {
        double best = Double.NaN;
        for (EpochEvent epoch : history) {
            double value = figure.applyAsDouble(epoch);
            if (Double.isFinite(value) && (Double.isNaN(best) || (higherIsBetter ? value > best : value < best))) {
                best = value;
            }
        }
        return best;
    }
}
