package io.neuralworkbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralworkbench.engine.training.LayerParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueHistogramTest {
    @Test
    void countsEachValueInItsBinFromTheSmallestToTheLargest() {
        ValueHistogram histogram = ValueHistogram.of(new float[] {0, 0.1f, 0.26f, 0.5f, 0.74f, 1, Float.NaN}, 4);

        assertThat(histogram.min()).isEqualTo(0);
        assertThat(histogram.max()).isEqualTo(1);
        assertThat(histogram.counts()).containsExactly(2, 1, 2, 1); // 1.0 falls in the last bin; NaN left out
        assertThat(histogram.total()).isEqualTo(6);
    }

    @Test
    void equalValuesGetABinAroundThem() {
        ValueHistogram histogram = ValueHistogram.of(new float[] {0.3f, 0.3f, 0.3f}, 5);

        assertThat(histogram.min()).isEqualTo(0.3f - 0.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(histogram.max()).isEqualTo(0.3f + 0.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(histogram.counts()).containsExactly(0, 0, 3, 0, 0);
    }

    @Test
    void weightsAreGroupedByLayerAndBiasesLeftOut() {
        List<LayerParameters> parameters = List.of(
                new LayerParameters("hidden", "W", new long[] {2, 2}, new float[] {-1, 0, 0, 1}),
                new LayerParameters("hidden", "b", new long[] {1, 2}, new float[] {100, 100}),
                new LayerParameters("output", "W", new long[] {2, 1}, new float[] {2, 4}));

        Map<String, ValueHistogram> byLayer = ValueHistogram.ofWeights(parameters, 2);

        assertThat(byLayer.keySet()).containsExactly("hidden", "output");
        assertThat(byLayer.get("hidden").max()).isEqualTo(1); // the bias of 100 is not in it
        assertThat(byLayer.get("hidden").counts()).containsExactly(1, 3);
        assertThat(byLayer.get("output").total()).isEqualTo(2);
    }

    @Test
    void aHistogramNeedsARange() {
        assertThatThrownBy(() -> new ValueHistogram(1, 1, new int[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
