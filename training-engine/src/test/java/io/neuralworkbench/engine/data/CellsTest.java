package io.neuralworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellsTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "+3", "3.5", ".5", "5.", "1e-3", "2.5E+10", "1e308"})
    void plainDecimalsAreNumbers(String value) {
        assertThat(Cells.isNumber(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "-", "NaN", "Infinity", "1.0f", "2d", "0x10", "1e", "1e+", "1,5", "1 000",
            "1e400", "12abc"})
    void labelsAndOverflowsAreNotNumbers(String value) {
        assertThat(Cells.isNumber(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "False", "TRUE"})
    void trueAndFalseInAnyCaseAreBooleans(String value) {
        assertThat(Cells.isBoolean(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "t", "truth"})
    void otherWordsAreNotBooleans(String value) {
        assertThat(Cells.isBoolean(value)).isFalse();
    }

    @Test
    void suggestsOnlyNamesThatAreClose() {
        List<String> columns = List.of("species", "island", "sex");

        assertThat(Cells.suggestionFor("Island", columns)).startsWith("did you mean \"island\"?");
        assertThat(Cells.suggestionFor("price", columns)).isEqualTo("choose one of: species, island, sex");
    }
}
