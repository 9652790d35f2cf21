package io.neuralworkbench.engine.data.synthetic;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.neuralworkbench.engine.data.RawTable;

class TeachingSetsTest {

    @Test
    void everyListedNameGeneratesItsSetWithTheGivenSettings() {
        assertThat(TeachingSets.names()).containsExactly("circles", "xor", "spirals", "blobs", "curve");
        for (String name : TeachingSets.names()) {
            RawTable table = TeachingSets.byName(name, 40, 0.1, 5);
            TeachingSet set = TeachingSet.named(name);
            assertThat(table.rowCount()).isEqualTo(40);
            assertThat(table.columnNames()).isEqualTo(set.columnNames());
            assertThat(table.fileName()).isEqualTo(name + ".csv");
            assertThat(rows(table)).isEqualTo(rows(set.generate(new GeneratorSettings(40, 0.1, 5))));
        }
    }

    @Test
    void namesAreCaseInsensitiveAndTheSeedAndNoiseMatter() {
        RawTable spirals = TeachingSets.byName("Spirals", 50, 0.05, 1);

        assertThat(rows(spirals)).isEqualTo(rows(TeachingSets.byName("spirals", 50, 0.05, 1)))
                .isNotEqualTo(rows(TeachingSets.byName("spirals", 50, 0.05, 2)))
                .isNotEqualTo(rows(TeachingSets.byName("spirals", 50, 0.2, 1)));
    }

    @Test
    void anUnknownOrMissingNameListsTheValidNames() {
        assertThatUserInputError(() -> TeachingSets.byName("moons", 100, 0.1, 1))
                .hasMessageContaining("\"moons\"").hasMessageContaining("circles, xor, spirals, blobs, curve");
        assertThatUserInputError(() -> TeachingSets.byName(" ", 100, 0.1, 1))
                .hasMessageContaining("Missing").hasMessageContaining("circles, xor, spirals, blobs, curve");
        assertThatUserInputError(() -> TeachingSets.byName(null, 100, 0.1, 1)).hasMessageContaining("Missing");
        assertThatUserInputError(() -> TeachingSets.byName("xor", 5, 0.1, 1)).hasMessageContaining("5 samples");
        assertThatUserInputError(() -> TeachingSets.byName("xor", 100, -1, 1)).hasMessageContaining("noise");
    }

    @Test
    void descriptionsNameEachSetItsTaskAndTarget() {
        assertThat(TeachingSets.descriptions()).hasSize(5)
                .contains("spirals: two interleaved spirals (classification, target label)")
                .anySatisfy(line -> assertThat(line).startsWith("curve: ").endsWith("(regression, target y)"));
    }

    private static java.util.List<java.util.List<String>> rows(RawTable table) {
        return IntStream.range(0, table.rowCount()).mapToObj(table::row).toList();
    }
}
