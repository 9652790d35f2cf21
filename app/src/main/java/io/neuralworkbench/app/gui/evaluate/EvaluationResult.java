package io.neuralworkbench.app.gui.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.eval.Evaluator;
import io.neuralworkbench.engine.eval.RocCurves;

/**
 * A model measured on one set of samples: the engine's metrics, the one-vs-rest curves, and every sample with
 * its prediction, so a confusion-matrix cell can list the samples in it.
 *
 * @param description what was evaluated, e.g. "the test split of iris.csv (23 rows)"
 * @param curves      ROC and precision-recall curves per class (classification), else empty
 * @param notes       what the user should know about how the samples were chosen, one sentence each
 */
public record EvaluationResult(String description, TaskType task, List<String> classNames, EvaluationReport report,
                               List<RocCurves.ClassCurves> curves, List<EvaluatedSample> samples, List<String> notes) {
    public EvaluationResult {
        classNames = List.copyOf(classNames);
        curves = List.copyOf(curves);
        samples = List.copyOf(samples);
        notes = List.copyOf(notes);
    }

    /**
     * Measures outputs the model produced against the targets, in the same order.
     *
     * @param outputs the model's outputs (class probabilities, or scaled regression values)
     * @param targets one-hot classes or scaled regression targets, as the preprocessing made them
     * @param ids     one id per sample
     * @param texts   one raw row or text per sample (empty strings for images)
     * @param images  one image per sample, or null when the samples are not images
     */
    public static EvaluationResult of(String description, InputPreprocessing preprocessing, float[][] outputs,
                                      float[][] targets, List<String> ids, List<String> texts,
                                      List<SampleImage> images, List<String> notes) {
        if (outputs.length == 0) {
            throw new io.neuralworkbench.engine.UserInputException(description + " holds no samples to evaluate —"
                    + " choose labelled data with at least one row");
        }
        if (ids.size() != outputs.length || texts.size() != outputs.length
                || (images != null && images.size() != outputs.length)) {
            throw new IllegalArgumentException("one id, text and image per output is needed");
        }
        EvaluationReport report = Evaluator.evaluate(outputs, targets, preprocessing);
        List<EvaluatedSample> samples = new ArrayList<>(outputs.length);
        boolean classification = preprocessing.task() == TaskType.CLASSIFICATION;
        int[] actual = new int[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            SampleImage image = images == null ? null : images.get(i);
            if (classification) {
                actual[i] = ArrayDataset.argMax(targets[i]);
                List<Double> probabilities = new ArrayList<>(outputs[i].length);
                for (float p : outputs[i]) {
                    probabilities.add((double) p);
                }
                samples.add(new EvaluatedSample(ids.get(i), texts.get(i), image, actual[i],
                        ArrayDataset.argMax(outputs[i]), probabilities, Double.NaN, Double.NaN));
            } else {
                samples.add(new EvaluatedSample(ids.get(i), texts.get(i), image, -1, -1, List.of(),
                        preprocessing.toTargetUnits(targets[i][0]), preprocessing.toTargetUnits(outputs[i][0])));
            }
        }
        List<RocCurves.ClassCurves> curves = classification
                ? RocCurves.oneVsRest(outputs, actual, preprocessing.classNames()) : List.of();
        return new EvaluationResult(description, preprocessing.task(), preprocessing.classNames(), report, curves,
                samples, notes);
    }

    public boolean isClassification() {
        return task == TaskType.CLASSIFICATION;
    }

    /** The samples of one confusion-matrix cell, the most confident prediction first. */
    public List<EvaluatedSample> samplesIn(int actualClass, int predictedClass) {
        return samples.stream()
                .filter(s -> s.actualClass() == actualClass && s.predictedClass() == predictedClass)
                .sorted(Comparator.comparingDouble(EvaluatedSample::confidence).reversed())
                .toList();
    }

    /** Regression: the {@code count} samples furthest from their actual value, the furthest first. */
    public List<EvaluatedSample> largestErrors(int count) {
        return samples.stream()
                .sorted(Comparator.comparingDouble((EvaluatedSample s) -> Math.abs(s.error())).reversed())
                .limit(count)
                .toList();
    }

    /** Each sample's actual value (regression), in the target's units. */
    public double[] actualValues() {
        return samples.stream().mapToDouble(EvaluatedSample::actualValue).toArray();
    }

    /** Each sample's predicted value (regression), in the target's units. */
    public double[] predictedValues() {
        return samples.stream().mapToDouble(EvaluatedSample::predictedValue).toArray();
    }
}
