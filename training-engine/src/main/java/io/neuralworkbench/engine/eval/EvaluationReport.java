package io.neuralworkbench.engine.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * A model's metrics on one dataset: classification or regression, whichever the task is (the other is null).
 *
 * @param samples how many samples were evaluated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationReport(int samples, ClassificationMetrics classification, RegressionMetrics regression) {

    public EvaluationReport {
        if ((classification == null) == (regression == null)) {
            throw new IllegalArgumentException("exactly one of classification and regression metrics is needed");
        }
    }

    /** The headline metrics by their CLI names ({@code accuracy}, {@code macro_f1}… or {@code r2}, {@code mse}…). */
    @JsonIgnore
    public Map<String, Double> headline() {
        return classification != null ? classification.toMap() : regression.toMap();
    }

    /** One line for a terminal, e.g. "accuracy 0.9565, macro F1 0.9554". */
    public String summary() {
        if (classification != null) {
            return String.format("accuracy %.4f, macro F1 %.4f on %d samples", classification.accuracy(),
                    classification.macroAverage().f1(), samples);
        }
        return String.format("R² %.4f, RMSE %.4g, MAE %.4g on %d samples", regression.r2(), regression.rmse(),
                regression.mae(), samples);
    }
}
