package io.neuralworkbench.engine.eval;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.SampleSource;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.training.SourceInference;
import io.neuralworkbench.engine.training.TrainableModel;

/** Scores a trained model on a labelled dataset. Regression metrics are in the target's own units. */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Scores the model on every sample of {@code data}: in memory at once, or (a streamed source, e.g. images
     * read from disk) chunk by chunk with the next chunk prefetched.
     */
    public static EvaluationReport evaluate(TrainableModel model, SampleSource data, InputPreprocessing preprocessing) {
        SourceInference.Scored scored = SourceInference.score(model, data, false);
        return evaluate(scored.outputs(), scored.targets(), preprocessing);
    }

    /** Metrics from outputs the model already produced for {@code data}, in the same order. */
    public static EvaluationReport evaluate(float[][] outputs, ArrayDataset data, InputPreprocessing preprocessing) {
        return evaluate(outputs, data.targets(), preprocessing);
    }

    /** Metrics from outputs and the matching target rows, in the same order. */
    public static EvaluationReport evaluate(float[][] outputs, float[][] targets, InputPreprocessing preprocessing) {
        int size = targets.length;
        if (preprocessing.task() == TaskType.CLASSIFICATION) {
            int[] actual = new int[size];
            int[] predicted = new int[size];
            for (int i = 0; i < size; i++) {
                actual[i] = ArrayDataset.argMax(targets[i]);
                predicted[i] = ArrayDataset.argMax(outputs[i]);
            }
            return new EvaluationReport(size,
                    ClassificationMetrics.compute(actual, predicted, preprocessing.classNames()), null);
        }
        double[][] actual = new double[size][];
        double[][] predicted = new double[size][];
        for (int i = 0; i < size; i++) {
            actual[i] = toTargetUnits(targets[i], preprocessing);
            predicted[i] = toTargetUnits(outputs[i], preprocessing);
        }
        return new EvaluationReport(size, null, RegressionMetrics.compute(actual, predicted));
    }

    private static double[] toTargetUnits(float[] scaled, InputPreprocessing preprocessing) {
        double[] values = new double[scaled.length];
        for (int k = 0; k < scaled.length; k++) {
            values[k] = preprocessing.toTargetUnits(scaled[k]);
        }
        return values;
    }
}
