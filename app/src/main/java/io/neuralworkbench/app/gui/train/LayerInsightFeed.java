package io.neuralworkbench.app.gui.train;

import io.neuralworkbench.charts.ConvolutionFilters;
import io.neuralworkbench.charts.FilterGridView;
import io.neuralworkbench.charts.LayerHistogramsView;
import io.neuralworkbench.charts.ValueHistogram;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.LayerParameters;
import io.neuralworkbench.engine.training.ModelObserver;
import io.neuralworkbench.engine.training.ModelProbe;

import java.util.List;

/**
 * After an epoch, on the training thread: each layer's weight and activation histograms and the first convolution
 * layer's filters, for the "Inside the network" tab. At most {@link #MAX_PER_SECOND} epochs a second are
 * recorded (small sets train hundreds of epochs a second), taking at most {@link #MAX_SHARE} of the training
 * thread's time, plus every epoch after which the run pauses or ends.
 */
public final class LayerInsightFeed implements ModelObserver {
    static final int MAX_PER_SECOND = 4;
    static final double MAX_SHARE = 0.02;
    private final LayerHistogramsView histograms;
    private final FilterGridView filters;
    private volatile float[][] probeRows = new float[0][];
    private final TrainingThreadBudget budget = new TrainingThreadBudget(MAX_PER_SECOND, MAX_SHARE);

    public LayerInsightFeed(LayerHistogramsView histograms, FilterGridView filters) {
        this.histograms = histograms;
        this.filters = filters;
    }

    /** Rows to measure activations on, for the next run (set before it starts). */
    public void setProbeRows(float[][] rows) {
        probeRows = rows;
        budget.reset();
    }

    @Override
    public void afterEpoch(EpochEvent event, ModelProbe model, boolean pausing) {
        if (!pausing && !budget.due()) {
            return;
        }
        long start = System.nanoTime();
        List<LayerParameters> parameters = model.parameters();
        float[][] rows = probeRows;
        histograms.addEpoch(event.epoch(), ValueHistogram.ofWeights(parameters, ValueHistogram.DEFAULT_BINS),
                rows.length == 0 ? java.util.Map.of()
                        : ValueHistogram.ofEach(model.activations(rows), ValueHistogram.DEFAULT_BINS));
        ConvolutionFilters first = ConvolutionFilters.firstOf(parameters);
        if (first != null) {
            filters.show(first);
        }
        budget.spentSince(start);
    }
}
