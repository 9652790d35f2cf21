package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.training.SessionState;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a cross-validation measured: each finished fold's metrics on its held-out rows and, per headline
 * metric, their mean ± standard deviation.
 *
 * @param foldCount the k asked for; {@code folds} has fewer when the run was stopped or diverged
 * @param summary   one entry per {@link #metricNames(TaskType)}, over the finished folds
 * @param state     COMPLETED when every fold trained to the end, STOPPED when cancelled, DIVERGED when a
 *                  fold's loss became NaN or infinite (later folds are not trained)
 * @param message   what happened, one sentence
 * @param notes     what was left out, resized or switched off, one sentence each
 */
public record CrossValidationResult(TaskType task, int foldCount, List<FoldResult> folds,
                                    List<MetricSummary> summary, SessionState state, String message,
                                    List<String> notes) {
    public CrossValidationResult {
        folds = List.copyOf(folds);
        summary = List.copyOf(summary);
        notes = List.copyOf(notes);
    }

    /** The metrics summarised: accuracy and macro F1 for classification; RMSE, MAE and R² for regression. */
    public static List<String> metricNames(TaskType task) {
        return task == TaskType.CLASSIFICATION ? List.of("accuracy", "macro_f1") : List.of("rmse", "mae", "r2");
    }

    static CrossValidationResult of(TaskType task, int foldCount, List<FoldResult> folds, SessionState state,
                                    String message, List<String> notes) {
        List<MetricSummary> summary = metricNames(task).stream()
                .map(name -> MetricSummary.of(name, folds.stream().mapToDouble(f -> f.metric(name)).toArray()))
                .toList();
        return new CrossValidationResult(task, foldCount, folds, summary, state, message, notes);
    }

    public boolean isComplete() {
        return state == SessionState.COMPLETED && folds.size() == foldCount;
    }

    /** E.g. "accuracy 0.9533 ± 0.0298, macro_f1 0.9530 ± 0.0301 over 5 folds". */
    public String summaryLine() {
        return summary.stream()
                .map(m -> String.format(Locale.ROOT, "%s %.4f ± %.4f", m.metric(), m.mean(), m.standardDeviation()))
                .collect(Collectors.joining(", ")) + " over " + folds.size() + " folds";
    }
}
