package io.neuralworkbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeriesSmootherTest {

    @Test
    void startsAtTheFirstValueAndThenBlendsWithTheHistory() {
        // 1.0; 0.5*1.0 + 0.5*3.0 = 2.0; 0.5*2.0 + 0.5*0.0 = 1.0
        assertThat(SeriesSmoother.smooth(new double[] {1, 3, 0}, 0.5)).containsExactly(new double[] {1, 2, 1}, within(1e-12));
    }

    @Test
    void weightZeroLeavesTheSeriesUnchanged() {
        double[] loss = {0.9, 0.4, 0.7, 0.2};

        assertThat(SeriesSmoother.smooth(loss, 0)).containsExactly(loss);
    }

    @Test
    void passesNonFiniteValuesThroughWithoutPoisoningLaterPoints() {
        SeriesSmoother smoother = new SeriesSmoother(0.5);

        assertThat(smoother.add(Double.NaN)).isNaN();
        assertThat(smoother.add(4)).isEqualTo(4);
        assertThat(smoother.add(Double.POSITIVE_INFINITY)).isInfinite();
        assertThat(smoother.add(2)).isEqualTo(3);
    }

    @Test
    void rejectsWeightsOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SeriesSmoother(1)).withMessageContaining("was 1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> new SeriesSmoother(-0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new SeriesSmoother(Double.NaN));
    }
}
