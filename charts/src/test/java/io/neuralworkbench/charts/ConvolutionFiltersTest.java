package io.neuralworkbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralworkbench.engine.training.LayerParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvolutionFiltersTest {
    @Test
    void eachGreyFilterIsScaledToZeroOneOnItsOwn() {
        // two filters, one input channel, 2 × 2: [out, in, height, width]
        float[] values = {-1, 0, 0, 1, /* second filter */ 10, 20, 30, 40};
        ConvolutionFilters filters = ConvolutionFilters.of(new LayerParameters("conv1", "W", new long[] {2, 1, 2, 2},
                values));

        assertThat(filters.count()).isEqualTo(2);
        assertThat(filters.rgb()).isFalse();
        assertThat(filters.pixels()[0]).containsExactly(0f, 0.5f, 0.5f, 1f);
        assertThat(filters.pixels()[1]).containsExactly(0f, 1 / 3f, 2 / 3f, 1f);
    }

    @Test
    void inputChannelsAreAveragedExceptRgbWhichStaysInColour() {
        float[] twoChannels = {0, 4, /* channel 2 */ 2, 0}; // one filter, 1 × 2
        ConvolutionFilters grey = ConvolutionFilters.of(new LayerParameters("c", "W", new long[] {1, 2, 1, 2},
                twoChannels));
        assertThat(grey.pixels()[0]).containsExactly(0f, 1f); // means 1 and 2

        float[] rgb = {1, 0, /* green */ 0, 1, /* blue */ 0, 0}; // one filter, 1 × 2, three channels
        ConvolutionFilters colour = ConvolutionFilters.of(new LayerParameters("c", "W", new long[] {1, 3, 1, 2},
                rgb));
        assertThat(colour.rgb()).isTrue();
        assertThat(colour.pixels()[0]).containsExactly(1f, 0f, 0f, 0f, 1f, 0f); // red pixel, then green pixel
    }

    @Test
    void theFirstConvolutionLayerIsFoundAmongAllParameters() {
        List<LayerParameters> parameters = List.of(
                new LayerParameters("dense", "W", new long[] {4, 2}, new float[8]),
                new LayerParameters("conv1", "b", new long[] {1, 2}, new float[2]),
                new LayerParameters("conv1", "W", new long[] {2, 1, 1, 1}, new float[] {1, 2}),
                new LayerParameters("conv2", "W", new long[] {1, 2, 1, 1}, new float[] {1, 2}));

        assertThat(ConvolutionFilters.firstOf(parameters).layer()).isEqualTo("conv1");
        assertThat(ConvolutionFilters.firstOf(parameters.subList(0, 2))).isNull();
        assertThatThrownBy(() -> ConvolutionFilters.of(parameters.get(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
