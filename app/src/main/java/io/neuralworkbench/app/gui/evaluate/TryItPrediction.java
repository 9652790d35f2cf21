package io.neuralworkbench.app.gui.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.bundle.Predictions;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.TaskType;

/**
 * What the model says about one input typed, pasted or dropped into the "Try it" panel.
 *
 * @param input         what was predicted, in words ("the typed row", a file name)
 * @param predicted     the predicted class, or the predicted value in the target's units
 * @param probabilities every class's probability, the most likely first (classification), else empty
 */
public record TryItPrediction(String input, String predicted, List<ClassProbability> probabilities) {
    /** One class and the model's probability for it. */
    public record ClassProbability(String className, double probability) {
    }

    public TryItPrediction {
        probabilities = List.copyOf(probabilities);
    }

    /**
     * One table row given as column → value (blank values count as missing and get the training fill value).
     *
     * @throws UserInputException if the model does not take table rows or a value does not fit its column
     */
    public static TryItPrediction ofRow(ModelBundle bundle, Map<String, String> values) {
        if (!(bundle.preprocessing() instanceof FittedPreprocessing table)) {
            throw new UserInputException("This model does not take table rows; give it "
                    + bundle.preprocessing().inputShape().describe() + " inputs.");
        }
        float[] features = table.transformRow(values);
        float[] output;
        synchronized (bundle) {
            output = bundle.model().predict(new float[][] {features})[0];
        }
        if (table.task() == TaskType.REGRESSION) {
            return regression("the typed row", table.toTargetUnits(output[0]));
        }
        double[] probabilities = new double[output.length];
        for (int k = 0; k < output.length; k++) {
            probabilities[k] = output[k];
        }
        return classification("the typed row", table.classNames(), probabilities);
    }

    /** @throws UserInputException if the model does not take texts */
    public static TryItPrediction ofText(ModelBundle bundle, String text) {
        Predictions predictions;
        synchronized (bundle) {
            predictions = bundle.predictTexts(List.of(text));
        }
        return of("the text", predictions);
    }

    /** @throws UserInputException if the model does not take images or the file is not an image */
    public static TryItPrediction ofImage(ModelBundle bundle, Path imageFile) {
        Predictions predictions;
        synchronized (bundle) {
            predictions = bundle.predictImages(List.of(imageFile), List.of(imageFile.getFileName().toString()));
        }
        return of(imageFile.getFileName().toString(), predictions);
    }

    private static TryItPrediction of(String input, Predictions predictions) {
        return predictions.task() == TaskType.REGRESSION ? regression(input, predictions.outputs()[0][0])
                : classification(input, predictions.classNames(), predictions.outputs()[0]);
    }

    private static TryItPrediction regression(String input, double value) {
        return new TryItPrediction(input, String.format(Locale.ROOT, "%.4g", value), List.of());
    }

    private static TryItPrediction classification(String input, List<String> classNames, double[] probabilities) {
        List<ClassProbability> ranked = new ArrayList<>(classNames.size());
        for (int k = 0; k < classNames.size(); k++) {
            ranked.add(new ClassProbability(classNames.get(k), probabilities[k]));
        }
        ranked.sort(Comparator.comparingDouble(ClassProbability::probability).reversed());
        return new TryItPrediction(input, ranked.get(0).className(), ranked);
    }
}
