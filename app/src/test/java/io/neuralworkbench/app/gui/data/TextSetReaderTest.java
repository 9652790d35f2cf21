package io.neuralworkbench.app.gui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextSetReaderTest {
    @Test
    void lengthStatisticsAreTakenOverEveryText() {
        TextSetSnapshot.LengthStatistics stats = TextSetReader.statistics(List.of(4, 1, 100, 3, 2), 3);

        assertThat(stats).isEqualTo(new TextSetSnapshot.LengthStatistics(1, 3, 22, 100, 100, 2));
    }

    @Test
    void anEvenNumberOfTextsHasTheMiddlePairsMeanAsMedian() {
        TextSetSnapshot.LengthStatistics stats = TextSetReader.statistics(List.of(1, 2, 3, 4), 10);

        assertThat(stats.median()).isEqualTo(2.5);
        assertThat(stats.percentile95()).isEqualTo(4);
        assertThat(stats.longerThanMax()).isZero();
    }

    @Test
    void noTextsGiveZeros() {
        assertThat(TextSetReader.statistics(List.of(), 10))
                .isEqualTo(new TextSetSnapshot.LengthStatistics(0, 0, 0, 0, 0, 0));
    }
}
