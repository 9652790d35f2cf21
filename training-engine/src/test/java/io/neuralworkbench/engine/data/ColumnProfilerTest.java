package io.neuralworkbench.engine.data;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnProfilerTest {
    @TempDir
    Path dir;

    @Test
    void irisHasFourNumericColumnsAndACategoricalSpecies() {
        Map<String, ColumnProfile> iris = byName(ColumnProfiler.profile(CsvImporter.read(SharedDatasets.IRIS)));

        ColumnProfile sepalLength = iris.get("sepal_length");
        assertThat(sepalLength.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(sepalLength.count()).isEqualTo(150);
        assertThat(sepalLength.min()).isEqualTo(4.3);
        assertThat(sepalLength.max()).isEqualTo(7.9);
        assertThat(sepalLength.mean()).isCloseTo(5.8433, within(1e-4));
        assertThat(sepalLength.std()).isCloseTo(0.8253, within(1e-4));
        ColumnProfile species = iris.get("species");
        assertThat(species.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(species.distinct()).isEqualTo(3);
        assertThat(species.mostFrequent()).containsExactly(new ColumnProfile.ValueCount("setosa", 50),
                new ColumnProfile.ValueCount("versicolor", 50), new ColumnProfile.ValueCount("virginica", 50));
    }

    @Test
    void titanicBooleansMissingValuesAndZeroOneNumbers() {
        Map<String, ColumnProfile> titanic = byName(ColumnProfiler.profile(CsvImporter.read(SharedDatasets.TITANIC)));

        assertThat(titanic.get("adult_male").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(titanic.get("alone").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(titanic.get("survived").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(titanic.get("survived").distinct()).isEqualTo(2);
        assertThat(titanic.get("age").missing()).isEqualTo(177);
        assertThat(titanic.get("deck").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(titanic.get("deck").missing()).isEqualTo(688);
        assertThat(titanic.get("embarked").missing()).isEqualTo(2);
        assertThat(titanic.get("alive").mostFrequent().get(0)).isEqualTo(new ColumnProfile.ValueCount("no", 549));
    }

    @Test
    void penguinsAndDiamondsCategoricals() {
        Map<String, ColumnProfile> penguins = byName(ColumnProfiler.profile(CsvImporter.read(SharedDatasets.PENGUINS)));
        Map<String, ColumnProfile> diamonds = byName(ColumnProfiler.profile(CsvImporter.read(SharedDatasets.DIAMONDS)));

        assertThat(penguins.get("island").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(penguins.get("sex").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(penguins.get("sex").missing()).isEqualTo(11);
        assertThat(penguins.get("body_mass_g").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(diamonds.get("cut").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(diamonds.get("cut").distinct()).isEqualTo(5);
        assertThat(diamonds.get("price").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(diamonds.get("price").distinct()).isGreaterThan(10_000);
    }

    @Test
    void smsMessagesAreText() {
        Map<String, ColumnProfile> sms = byName(ColumnProfiler.profile(CsvImporter.read(SharedDatasets.SMS_SPAM)));

        assertThat(sms.get("SMS").type()).isEqualTo(ColumnType.TEXT);
        assertThat(sms.get("Label").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(sms.get("Label").distinct()).isEqualTo(2);
    }

    @Test
    void overridesReplaceTheInferredTypeAndAnEmptyColumnStaysEmpty() throws IOException {
        RawTable table = table("a,b,c\n1,x,\n2,y,\n");

        Map<String, ColumnProfile> profiles = byName(ColumnProfiler.profile(table,
                Map.of("a", ColumnType.CATEGORICAL, "c", ColumnType.NUMERIC)));

        assertThat(profiles.get("a").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(profiles.get("a").inferredType()).isEqualTo(ColumnType.NUMERIC);
        assertThat(profiles.get("a").mostFrequent()).hasSize(2);
        assertThat(profiles.get("c").type()).isEqualTo(ColumnType.EMPTY);
    }

    @Test
    void wordInAColumnForcedNumeric() throws IOException {
        RawTable table = table("name,age\nAnn,30\nBob,41\nCid,29\nDan,abc\n");

        assertThatUserInputError(() -> ColumnProfiler.profile(table, Map.of("age", ColumnType.NUMERIC)))
                .hasMessageStartingWith("people.csv line 5, column \"age\": \"abc\" is not a number");
    }

    @Test
    void wordInAColumnForcedBoolean() throws IOException {
        RawTable table = table("name,member\nAnn,true\nBob,maybe\n");

        assertThatUserInputError(() -> ColumnProfiler.profile(table, Map.of("member", ColumnType.BOOLEAN)))
                .hasMessageStartingWith("people.csv line 3, column \"member\": \"maybe\" is not true or false");
    }

    @Test
    void overrideOfAnUnknownColumn() throws IOException {
        RawTable table = table("name,age\nAnn,30\n");

        assertThatUserInputError(() -> ColumnProfiler.profile(table, Map.of("agee", ColumnType.NUMERIC)))
                .hasMessageStartingWith("people.csv has no column \"agee\" — did you mean \"age\"?");
    }

    private RawTable table(String csv) throws IOException {
        return CsvImporter.read(Files.writeString(dir.resolve("people.csv"), csv));
    }

    private static Map<String, ColumnProfile> byName(List<ColumnProfile> profiles) {
        return profiles.stream().collect(Collectors.toMap(ColumnProfile::name, Function.identity()));
    }
}
