package io.neuralworkbench.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * ROC and precision-recall curves of classifier scores, one-vs-rest per class, with their areas. Follows
 * scikit-learn: one point per distinct score (samples with equal scores enter together), the ROC area by the
 * trapezoidal rule ({@code roc_auc_score}), and the precision-recall area as average precision, the
 * step-wise sum of {@code (R_k - R_k-1) * P_k} ({@code average_precision_score}).
 */
public final class RocCurves {

    private RocCurves() {
    }

    /**
     * Receiver operating characteristic, from the all-negative corner (0, 0) to (1, 1).
     *
     * @param thresholds the score at or above which a sample counts as positive for each point;
     *                   the first is +∞ (nothing positive)
     */
    public record RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds, double auc) {
    }

    /**
     * Precision against recall, starting at (recall 0, precision 1) as scikit-learn draws it.
     *
     * @param thresholds the score of each point after the first (which has +∞)
     */
    public record PrecisionRecallCurve(double[] recalls, double[] precisions, double[] thresholds,
                                       double averagePrecision) {
    }

    /**
     * One class against the rest. Both curves are null, and the areas absent, when the data holds no sample
     * of the class or only samples of it: its curves are then undefined.
     */
    public record ClassCurves(String className, int positives, int negatives, RocCurve roc,
                              PrecisionRecallCurve precisionRecall) {
        public boolean defined() {
            return roc != null;
        }
    }

    /**
     * Curves of every class against the rest.
     *
     * @param probabilities the model's output per sample, one column per class (any score that orders
     *                      samples works; probabilities are what the workbench has)
     * @param actual        each sample's true class index
     */
    public static List<ClassCurves> oneVsRest(float[][] probabilities, int[] actual, List<String> classNames) {
        if (probabilities.length != actual.length) {
            throw new IllegalArgumentException(probabilities.length + " rows of probabilities but " + actual.length
                    + " labels");
        }
        int classCount = classNames.size();
        List<ClassCurves> curves = new ArrayList<>(classCount);
        for (int c = 0; c < classCount; c++) {
            double[] scores = new double[actual.length];
            boolean[] positive = new boolean[actual.length];
            int positives = 0;
            for (int i = 0; i < actual.length; i++) {
                if (probabilities[i].length != classCount) {
                    throw new IllegalArgumentException("sample " + i + " has " + probabilities[i].length
                            + " probabilities, expected one per class (" + classCount + ")");
                }
                scores[i] = probabilities[i][c];
                positive[i] = actual[i] == c;
                positives += positive[i] ? 1 : 0;
            }
            int negatives = actual.length - positives;
            if (positives == 0 || negatives == 0) {
                curves.add(new ClassCurves(classNames.get(c), positives, negatives, null, null));
            } else {
                curves.add(new ClassCurves(classNames.get(c), positives, negatives, roc(scores, positive),
                        precisionRecall(scores, positive)));
            }
        }
        return curves;
    }

    /** The ROC curve of binary labels; higher scores mean "more likely positive". */
    public static RocCurve roc(double[] scores, boolean[] positive) {
        Counts counts = Counts.of(scores, positive);
        int points = counts.thresholds.length + 1;
        double[] fpr = new double[points];
        double[] tpr = new double[points];
        double[] thresholds = new double[points];
        thresholds[0] = Double.POSITIVE_INFINITY;
        double auc = 0;
        for (int k = 1; k < points; k++) {
            fpr[k] = (double) counts.falsePositives[k - 1] / counts.negatives;
            tpr[k] = (double) counts.truePositives[k - 1] / counts.positives;
            thresholds[k] = counts.thresholds[k - 1];
            auc += (fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1]) / 2;
        }
        return new RocCurve(fpr, tpr, thresholds, auc);
    }

    /** The precision-recall curve of binary labels and its average precision. */
    public static PrecisionRecallCurve precisionRecall(double[] scores, boolean[] positive) {
        Counts counts = Counts.of(scores, positive);
        int points = counts.thresholds.length + 1;
        double[] recalls = new double[points];
        double[] precisions = new double[points];
        double[] thresholds = new double[points];
        precisions[0] = 1;
        thresholds[0] = Double.POSITIVE_INFINITY;
        double averagePrecision = 0;
        for (int k = 1; k < points; k++) {
            int tp = counts.truePositives[k - 1];
            int fp = counts.falsePositives[k - 1];
            recalls[k] = (double) tp / counts.positives;
            precisions[k] = (double) tp / (tp + fp);
            thresholds[k] = counts.thresholds[k - 1];
            averagePrecision += (recalls[k] - recalls[k - 1]) * precisions[k];
        }
        return new PrecisionRecallCurve(recalls, precisions, thresholds, averagePrecision);
    }

    /** Cumulative true and false positives at each distinct score, highest score first. */
    private record Counts(double[] thresholds, int[] truePositives, int[] falsePositives, int positives,
                          int negatives) {

        static Counts of(double[] scores, boolean[] positive) {
            if (scores.length != positive.length) {
                throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
            }
            int positives = 0;
            for (int i = 0; i < scores.length; i++) {
                if (Double.isNaN(scores[i])) {
                    throw new IllegalArgumentException("score " + i + " is NaN; the model's outputs are not usable");
                }
                positives += positive[i] ? 1 : 0;
            }
            int negatives = scores.length - positives;
            if (positives == 0 || negatives == 0) {
                throw new IllegalArgumentException("a ROC or precision-recall curve needs positive and negative "
                        + "samples; these " + scores.length + " samples have " + positives + " positive");
            }
            Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
            double[] thresholds = new double[scores.length];
            int[] tps = new int[scores.length];
            int[] fps = new int[scores.length];
            int distinct = 0;
            int tp = 0;
            int fp = 0;
            for (int r = 0; r < order.length; r++) {
                int i = order[r];
                if (positive[i]) {
                    tp++;
                } else {
                    fp++;
                }
                boolean lastOfTie = r + 1 == order.length || scores[order[r + 1]] != scores[i];
                if (lastOfTie) {
                    thresholds[distinct] = scores[i];
                    tps[distinct] = tp;
                    fps[distinct] = fp;
                    distinct++;
                }
            }
            return new Counts(Arrays.copyOf(thresholds, distinct), Arrays.copyOf(tps, distinct),
                    Arrays.copyOf(fps, distinct), positives, negatives);
        }
    }
}
