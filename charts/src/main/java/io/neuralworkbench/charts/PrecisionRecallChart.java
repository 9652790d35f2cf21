package io.neuralworkbench.charts;

import io.fair_acc.dataset.spi.DoubleDataSet;
import io.neuralworkbench.engine.eval.RocCurves;

import java.util.Locale;

/**
 * Precision-recall curves, one per class against the rest; the legend gives each class's area as average
 * precision (AP), the summary scikit-learn uses for this curve.
 */
public class PrecisionRecallChart extends ClassCurvesChart {

    public PrecisionRecallChart() {
        super("recall", "precision");
    }

    @Override
    double[][] points(RocCurves.ClassCurves curve) {
        return new double[][] {curve.precisionRecall().recalls(), curve.precisionRecall().precisions()};
    }

    @Override
    String areaLabel(RocCurves.ClassCurves curve) {
        return String.format(Locale.ROOT, "AP %.3f", curve.precisionRecall().averagePrecision());
    }

    @Override
    DoubleDataSet reference() {
        return null; // a guessing classifier's precision is the class's share, which differs per class
    }
}
