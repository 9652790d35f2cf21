package io.neuralworkbench.engine.eval;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.TrainableModel;

/** Scores a trained model on a labelled dataset. Regression metrics are in the target's own units. */
public final class Evaluator {

    private Evaluator() {
    }

    public static EvaluationReport evaluate(TrainableModel model, ArrayDataset data, InputPreprocessing preprocessing) {
        float[][] outputs;
        try (BackendData uploaded = model.upload(data)) {
            outputs = model.predict(uploaded);
        }
        return evaluate(outputs, data, preprocessing);
    }

    /** Metrics from outputs the model already produced for {@code data}, in the same order. */
    public static EvaluationReport evaluate(float[][] outputs, ArrayDataset data, InputPreprocessing preprocessing) {
        if (preprocessing.task() == TaskType.CLASSIFICATION) {
            int[] actual = new int[data.size()];
            int[] predicted = new int[data.size()];
            for (int i = 0; i < data.size(); i++) {
                actual[i] = data.classIndex(i);
                predicted[i] = ArrayDataset.argMax(outputs[i]);
            }
            return new EvaluationReport(data.size(),
                    ClassificationMetrics.compute(actual, predicted, preprocessing.classNames()), null);
        }
        double[][] actual = new double[data.size()][];
        double[][] predicted = new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            actual[i] = toTargetUnits(data.targets()[i], preprocessing);
            predicted[i] = toTargetUnits(outputs[i], preprocessing);
        }
        return new EvaluationReport(data.size(), null, RegressionMetrics.compute(actual, predicted));
    }

    private static double[] toTargetUnits(float[] scaled, InputPreprocessing preprocessing) {
        double[] values = new double[scaled.length];
        for (int k = 0; k < scaled.length; k++) {
            values[k] = preprocessing.toTargetUnits(scaled[k]);
        }
        return values;
    }
}
