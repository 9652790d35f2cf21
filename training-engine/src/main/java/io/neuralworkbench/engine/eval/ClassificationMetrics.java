package io.neuralworkbench.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How well predicted class indices match the actual ones. Follows scikit-learn's definitions with
 * {@code zero_division=0}: a class that is never predicted has precision 0, a class that never occurs has
 * recall 0, so no metric is ever NaN. Macro averages include every class in {@code classNames}, also those
 * absent from the data.
 *
 * @param confusionMatrix counts with rows = actual class, columns = predicted class, in {@code classNames} order
 */
public record ClassificationMetrics(
        List<String> classNames,
        double accuracy,
        List<ClassMetrics> perClass,
        AveragedMetrics macroAverage,
        AveragedMetrics weightedAverage,
        List<List<Integer>> confusionMatrix) {

    public ClassificationMetrics {
        classNames = List.copyOf(classNames);
        perClass = List.copyOf(perClass);
        Objects.requireNonNull(macroAverage, "macroAverage");
        Objects.requireNonNull(weightedAverage, "weightedAverage");
        confusionMatrix = confusionMatrix.stream().<List<Integer>>map(List::copyOf).toList();
    }

    /**
     * @param actual    the true class index of every sample
     * @param predicted the predicted class index of every sample, in the same order
     * @param classNames the names of the class indices 0..n-1
     */
    public static ClassificationMetrics compute(int[] actual, int[] predicted, List<String> classNames) {
        int classCount = classNames.size();
        int[][] counts = confusionCounts(actual, predicted, classCount);
        int sampleCount = actual.length;

        int correct = 0;
        List<ClassMetrics> perClass = new ArrayList<>(classCount);
        for (int c = 0; c < classCount; c++) {
            int truePositives = counts[c][c];
            correct += truePositives;
            int support = rowSum(counts, c);
            double precision = ratioOrZero(truePositives, columnSum(counts, c));
            double recall = ratioOrZero(truePositives, support);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(classNames.get(c), precision, recall, f1, support));
        }

        return new ClassificationMetrics(classNames, (double) correct / sampleCount, perClass,
                macroAverage(perClass), weightedAverage(perClass, sampleCount), toLists(counts));
    }

    /** The headline numbers under the names the command line's JSON output uses, in a stable order. */
    public Map<String, Double> toMap() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", accuracy);
        metrics.put("macro_f1", macroAverage.f1());
        metrics.put("weighted_f1", weightedAverage.f1());
        metrics.put("macro_precision", macroAverage.precision());
        metrics.put("macro_recall", macroAverage.recall());
        return Collections.unmodifiableMap(metrics);
    }

    private static int[][] confusionCounts(int[] actual, int[] predicted, int classCount) {
        if (classCount == 0) {
            throw new IllegalArgumentException("no class names");
        }
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " actual labels but " + predicted.length + " predictions");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("no samples to evaluate");
        }
        int[][] counts = new int[classCount][classCount];
        for (int i = 0; i < actual.length; i++) {
            counts[checkedLabel(actual[i], classCount, i)][checkedLabel(predicted[i], classCount, i)]++;
        }
        return counts;
    }

    private static int checkedLabel(int label, int classCount, int sample) {
        if (label < 0 || label >= classCount) {
            throw new IllegalArgumentException(
                    "sample " + sample + " has class index " + label + ", expected 0.." + (classCount - 1));
        }
        return label;
    }

    private static AveragedMetrics macroAverage(List<ClassMetrics> perClass) {
        int n = perClass.size();
        return new AveragedMetrics(
                perClass.stream().mapToDouble(ClassMetrics::precision).sum() / n,
                perClass.stream().mapToDouble(ClassMetrics::recall).sum() / n,
                perClass.stream().mapToDouble(ClassMetrics::f1).sum() / n);
    }

    private static AveragedMetrics weightedAverage(List<ClassMetrics> perClass, int sampleCount) {
        return new AveragedMetrics(
                perClass.stream().mapToDouble(m -> m.precision() * m.support()).sum() / sampleCount,
                perClass.stream().mapToDouble(m -> m.recall() * m.support()).sum() / sampleCount,
                perClass.stream().mapToDouble(m -> m.f1() * m.support()).sum() / sampleCount);
    }

    private static double ratioOrZero(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static int rowSum(int[][] counts, int row) {
        int sum = 0;
        for (int count : counts[row]) {
            sum += count;
        }
        return sum;
    }

    private static int columnSum(int[][] counts, int column) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[column];
        }
        return sum;
    }

    private static List<List<Integer>> toLists(int[][] counts) {
        List<List<Integer>> rows = new ArrayList<>(counts.length);
        for (int[] row : counts) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return rows;
    }
}
