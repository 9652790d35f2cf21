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
 * recorded (small sets train hundreds of epochs a second) plus every epoch after which the run pauses or ends.
 */
public final class LayerInsightFeed implements ModelObserver {
    static final int MAX_PER_SECOND = 4;
    private final LayerHistogramsView histograms;
    private final FilterGridView filters;
    private volatile float[][] probeRows = new float[0][];
    private long lastNanos;

    public LayerInsightFeed(LayerHistogramsView histograms, FilterGridView filters) {
        this.histograms = histograms;
        this.filters = filters;
    }

    /** Rows to measure activations on, for the next run (set before it starts). */
    public void setProbeRows(float[][] rows) {
        probeRows = rows;
        lastNanos = System.nanoTime() - 1_000_000_000L;
    }

    @Override
    public void afterEpoch(EpochEvent event, ModelProbe model, boolean pausing) {
        long now = System.nanoTime();
        if (!pausing && now - lastNanos < 1_000_000_000L / MAX_PER_SECOND) {
            return;
        }
        lastNanos = now;
        List<LayerParameters> parameters = model.parameters();
        float[][] rows = probeRows;
        histograms.addEpoch(event.epoch(), ValueHistogram.ofWeights(parameters, ValueHistogram.DEFAULT_BINS),
                rows.length == 0 ? java.util.Map.of()
                        : ValueHistogram.ofEach(model.activations(rows), ValueHistogram.DEFAULT_BINS));
        ConvolutionFilters first = ConvolutionFilters.firstOf(parameters);
        if (first != null) {
            filters.show(first);
        }
    }
}
