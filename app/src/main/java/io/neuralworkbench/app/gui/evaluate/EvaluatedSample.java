package io.neuralworkbench.app.gui.evaluate;

import java.util.List;

/**
 * One sample the model was evaluated on, as the Evaluate view lists it.
 *
 * @param id             where it came from: "line 12" of a file, "image 7" of a set, a file name
 * @param text           the raw row (cells joined) or the text; empty for images
 * @param image          the image as the network saw it, or null for rows and texts
 * @param actualClass    the true class index (classification), else -1
 * @param predictedClass the predicted class index (classification), else -1
 * @param probabilities  the model's output per class (classification), else empty
 * @param actualValue    the true value in the target's units (regression), else NaN
 * @param predictedValue the predicted value in the target's units (regression), else NaN
 */
public record EvaluatedSample(String id, String text, SampleImage image, int actualClass, int predictedClass,
                              List<Double> probabilities, double actualValue, double predictedValue) {
    public EvaluatedSample {
        probabilities = List.copyOf(probabilities);
    }

    /** Regression: actual − predicted (NaN for classification). */
    public double error() {
        return actualValue - predictedValue;
    }

    /** How sure the model was of the class it predicted: that class's probability (0 for regression). */
    public double confidence() {
        return predictedClass < 0 ? 0 : probabilities.get(predictedClass);
    }
}
