package io.neuralworkbench.charts;

import io.fair_acc.dataset.spi.DoubleDataSet;
import io.neuralworkbench.engine.eval.RocCurves;

import java.util.Locale;

/** ROC curves, one per class against the rest, with each class's AUC in the legend. */
public class RocCurveChart extends ClassCurvesChart {

    public RocCurveChart() {
        super("false positive rate", "true positive rate");
    }

    @Override
    double[][] points(RocCurves.ClassCurves curve) {
        return new double[][] {curve.roc().falsePositiveRates(), curve.roc().truePositiveRates()};
    }

    @Override
    String areaLabel(RocCurves.ClassCurves curve) {
        return String.format(Locale.ROOT, "AUC %.3f", curve.roc().auc());
    }

    @Override
    DoubleDataSet reference() {
        DoubleDataSet chance = new DoubleDataSet("chance (AUC 0.5)");
        chance.add(0, 0);
        chance.add(1, 1);
        return chance;
    }
}
