package io.neuralworkbench.engine.data;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvImporterTest {
    @TempDir
    Path dir;

    @Test
    void readsIrisWithCommaAndHeader() {
        RawTable iris = CsvImporter.read(SharedDatasets.IRIS);

        assertThat(iris.format()).isEqualTo(new CsvFormat(',', '"', true));
        assertThat(iris.columnNames())
                .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width", "species");
        assertThat(iris.rowCount()).isEqualTo(150);
        assertThat(iris.row(0)).containsExactly("5.1", "3.5", "1.4", "0.2", "setosa");
        assertThat(iris.lineNumber(0)).isEqualTo(2);
        assertThat(iris.sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void readHeadReadsOnlyWholeLinesWithinTheByteLimit() throws IOException {
        Path file = dir.resolve("long.csv");
        StringBuilder text = new StringBuilder("x,label\n");
        for (int i = 0; i < 1000; i++) {
            text.append(i).append(",class").append(i % 3).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);

        RawTable head = CsvImporter.readHead(file, 100);

        assertThat(head.columnNames()).containsExactly("x", "label");
        assertThat(head.rowCount()).isBetween(5, 12);
        assertThat(head.row(head.rowCount() - 1)).containsExactly(String.valueOf(head.rowCount() - 1),
                "class" + (head.rowCount() - 1) % 3);
        assertThat(CsvImporter.readHead(file, 1_000_000).rowCount()).isEqualTo(1000);
    }

    @Test
    void emptyCellsAreMissing() {
        RawTable titanic = CsvImporter.read(SharedDatasets.TITANIC);

        assertThat(titanic.rowCount()).isEqualTo(891);
        assertThat(titanic.cell(0, titanic.columnIndex("deck"))).isNull();
        assertThat(titanic.cell(0, titanic.columnIndex("adult_male"))).isEqualTo("True");
    }

    @Test
    void readsDiamondsQuicklyAndUnquotesText() {
        long start = System.nanoTime();
        RawTable diamonds = CsvImporter.read(SharedDatasets.DIAMONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(diamonds.rowCount()).isEqualTo(53_940);
        assertThat(diamonds.columnNames()).startsWith("carat", "cut");
        assertThat(diamonds.cell(0, 1)).isEqualTo("Ideal");
        assertThat(millis).isLessThan(2_000);
    }

    @Test
    void detectsTabsInSmsSpamAndKeepsLiteralQuotesOfFreeText() {
        RawTable sms = CsvImporter.read(SharedDatasets.SMS_SPAM);

        assertThat(sms.format().delimiter()).isEqualTo('\t');
        assertThat(sms.format().hasHeader()).isTrue();
        assertThat(sms.columnNames()).containsExactly("Label", "SMS");
        assertThat(sms.rowCount()).isEqualTo(5000);
        int line284 = 284 - 2;
        assertThat(sms.lineNumber(line284)).isEqualTo(284);
        assertThat(sms.cell(line284, 1)).startsWith("\"Wen u miss someone").endsWith("\" gdeve..");
    }

    @Test
    void handlesQuotingBomSemicolonsAndCrLf() throws IOException {
        Path file = write("quoted.csv", "\uFEFFname;note;n\r\n"
                + "\"Smith; John\";\"said \"\"hi\"\"\nthen left\";1\r\n"
                + "Doe;;2\r\n");

        RawTable table = CsvImporter.read(file);

        assertThat(table.format()).isEqualTo(new CsvFormat(';', '"', true));
        assertThat(table.columnNames()).containsExactly("name", "note", "n");
        assertThat(table.row(0)).containsExactly("Smith; John", "said \"hi\"\nthen left", "1");
        assertThat(table.row(1)).containsExactly("Doe", null, "2");
        assertThat(table.lineNumber(1)).isEqualTo(4);
    }

    @Test
    void detectsPipesAndAMissingHeader() throws IOException {
        Path file = write("noheader.txt", "1|red|0.5\n2|blue|0.25\n3|red|0.75\n");

        RawTable table = CsvImporter.read(file);

        assertThat(table.format()).isEqualTo(new CsvFormat('|', '"', false));
        assertThat(table.columnNames()).containsExactly("column1", "column2", "column3");
        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(table.lineNumber(0)).isEqualTo(1);
    }

    @Test
    void quotesBreakingFreeTextFarBeyondTheSampleAreReadLiterally() throws IOException {
        StringBuilder tsv = new StringBuilder("label\tmessage\n");
        for (int i = 0; i < 2000; i++) {
            tsv.append(i % 7 == 0 ? "spam" : "ham").append("\tmessage number ").append(i).append('\n');
        }
        tsv.append("ham\t\"Happy birthday\" she said\n");
        Path file = write("late-quote.tsv", tsv.toString());

        RawTable table = CsvImporter.read(file);

        assertThat(table.format()).isEqualTo(new CsvFormat('\t', CsvFormat.NO_QUOTE, true));
        assertThat(table.cell(2000, 1)).isEqualTo("\"Happy birthday\" she said");
    }

    @Test
    void singleColumnOfNumbersHasNoHeader() throws IOException {
        RawTable table = CsvImporter.read(write("numbers.csv", "3\n1\n4\n1\n5\n"));

        assertThat(table.columnNames()).containsExactly("column1");
        assertThat(table.rowCount()).isEqualTo(5);
    }

    @Test
    void delimiterMustDifferFromQuote() {
        assertThatUserInputError(() -> new CsvFormat('"', '"', true))
                .hasMessageStartingWith("the delimiter cannot be a line break or the quote character");
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("titanic.csv", "a,b,c\n1,2,3\n4,5\n",
                        "titanic.csv line 3: expected 3 fields but found 2"),
                Arguments.of("empty.csv", "\uFEFF \n\n", "empty.csv is empty"),
                Arguments.of("header.csv", "a,b\n", "header.csv has a header line but no data rows"),
                Arguments.of("dup.csv", "a,b,a\n1,2,3\n",
                        "dup.csv line 1: the column name \"a\" appears twice (columns 1 and 3)"));
    }

    @ParameterizedTest
    @MethodSource("malformedFiles")
    void malformedFileSaysWhatAndWhere(String name, String content, String messageStart) throws IOException {
        Path file = write(name, content);

        assertThatUserInputError(() -> CsvImporter.read(file)).hasMessageStartingWith(messageStart);
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nowhere.csv");

        assertThatUserInputError(() -> CsvImporter.read(file))
                .hasMessageContaining("nowhere.csv does not exist");
    }

    @Test
    void binaryFileIsRefused() throws IOException {
        Path file = dir.resolve("model.csv");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0, 8, 0});

        assertThatUserInputError(() -> CsvImporter.read(file))
                .hasMessageStartingWith("model.csv contains binary data");
    }

    @Test
    void latin1FileIsRefusedWithItsLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "city,n\nZurich,1\nZ\u00fcrich,2\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatUserInputError(() -> CsvImporter.read(file))
                .hasMessageStartingWith("latin1.csv is not a text file in UTF-8 (byte 0xFC on line 3)");
    }

    @Test
    void unclosedQuoteInAnExplicitFormat() throws IOException {
        Path file = write("open.csv", "a,b\n1,\"oops\n2,3\n");

        assertThatUserInputError(() -> CsvImporter.read(file, CsvFormat.COMMA_WITH_HEADER))
                .hasMessageStartingWith("open.csv line 2: the quote opened in field 2 is never closed");
    }

    @Test
    void unknownColumnSuggestsTheClosestName() {
        RawTable penguins = CsvImporter.read(SharedDatasets.PENGUINS);

        assertThatUserInputError(() -> penguins.columnIndex("spceies"))
                .hasMessageStartingWith("penguins.csv has no column \"spceies\" — did you mean \"species\"?")
                .hasMessageContaining("island, bill_length_mm");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
