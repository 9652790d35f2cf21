package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.eval.EvaluationReport;

/**
 * One fold of a cross-validation: a fresh model trained on the other folds and evaluated on this one.
 *
 * @param fold            which fold was held out, from 0
 * @param epochs          epochs trained
 * @param trainingSeconds training time (evaluation excluded)
 * @param heldOut         the model's metrics on the held-out fold, regression metrics in the target's units
 */
public record FoldResult(int fold, int trainingRows, int heldOutRows, int epochs, double trainingSeconds,
                         EvaluationReport heldOut) {

    /** A headline metric by its CLI name, e.g. {@code accuracy}, {@code macro_f1}, {@code rmse}. */
    public double metric(String name) {
        Double value = heldOut.headline().get(name);
        if (value == null) {
            throw new IllegalArgumentException("no metric " + name + " in " + heldOut.headline().keySet());
        }
        return value;
    }
}
