package io.neuralworkbench.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.neuralworkbench.app.gui.data.DataViewModel;
import io.neuralworkbench.app.gui.data.ImageSetSnapshot;
import io.neuralworkbench.app.gui.data.TextSetSnapshot;
import io.neuralworkbench.app.gui.data.Thumbnail;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.engine.data.ColumnProfile;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.SplitFractions;
import io.neuralworkbench.engine.data.image.Augmentation;
import io.neuralworkbench.engine.data.image.ImageOptions;
import io.neuralworkbench.engine.data.image.PixelScaling;
import io.neuralworkbench.engine.data.text.TextEncoding;
import io.neuralworkbench.engine.data.text.TextOptions;
import io.neuralworkbench.engine.data.text.Tokenizer;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The data view's model for image sets and labelled texts, on the real shared datasets. */
class ImageAndTextDataViewModelTest {
    private static final Path MNIST_PNG = Path.of("../shared/datasets/mnist-png");
    private static final Path MNIST_IDX = Path.of("../shared/datasets/mnist-digits");
    private static final Path SMS = Path.of("../shared/datasets/sms-spam.tsv");

    @TempDir
    Path dir;
    private final Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/data-kinds");
    private TaskCenter tasks;
    private ProjectSession session;
    private DataViewModel model;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void createModel() throws Exception {
        tasks = new TaskCenter(2);
        onFx(() -> {
            session = new ProjectSession(preferences, dir.resolve("autosave"));
            model = new DataViewModel(session, tasks);
        });
    }

    @AfterEach
    void stop() throws BackingStoreException {
        tasks.close();
        preferences.removeNode();
    }

    private static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ImageSetSnapshot openImagesAndWait(Path path) throws Exception {
        onFx(() -> model.openImages(path));
        waitUntil(() -> model.imageSet() != null && model.imageSet().complete());
        return model.imageSet();
    }

    private static int filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".png")).count();
        }
    }

    @Test
    void anImageFolderShowsEachClassWithItsCountAFewThumbnailsAndTheSummary() throws Exception {
        ImageSetSnapshot digits = openImagesAndWait(MNIST_PNG);

        assertThat(model.kindProperty().get()).isEqualTo(DataKind.IMAGE_FOLDER);
        assertThat(digits.kind()).isEqualTo(DataKind.IMAGE_FOLDER);
        assertThat(digits.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        for (int c = 0; c < 10; c++) {
            String name = String.valueOf(c);
            int onDisk = filesIn(MNIST_PNG.resolve("train").resolve(name)) + filesIn(MNIST_PNG.resolve("test").resolve(name));
            assertThat(digits.classCounts().get(c)).as("images of class %s", name).isEqualTo(onDisk);
            assertThat(digits.thumbnails().get(c)).hasSize(Math.min(8, onDisk))
                    .allSatisfy(t -> assertThat(List.of(t.width(), t.height())).containsExactly(28, 28));
        }
        assertThat(digits.imageCount()).isEqualTo(800);
        // A digit is dark background with light strokes: some pixels are white-ish, most are black.
        Thumbnail first = digits.thumbnails().get(0).get(0);
        long light = IntStream.of(first.argb()).filter(p -> (p & 0xFF) > 200).count();
        assertThat(light).isBetween(20L, 400L);

        assertThat(digits.summary().inputShape()).isEqualTo(new Shape.Image(28, 28, 1));
        assertThat(digits.summary().testSize()).isEqualTo(200);
        assertThat(digits.summary().trainSize() + digits.summary().validationSize()).isEqualTo(600);
        assertThat(digits.summary().describe()).last().asString().startsWith("Memory: in memory;");
        assertThat(model.classBalance()).extracting(ColumnProfile.ValueCount::count)
                .containsExactlyElementsOf(digits.classCounts());
        assertThat(session.project().data().imageOptions()).isEqualTo(ImageOptions.defaults());
        assertThat(session.project().dataFile()).isEqualTo(MNIST_PNG.toAbsolutePath().normalize());
    }

    @Test
    void mnistIdxFilesShowTheirClassesAndThumbnailsCutFromTheBytes() throws Exception {
        ImageSetSnapshot digits = openImagesAndWait(MNIST_IDX);

        assertThat(digits.kind()).isEqualTo(DataKind.IDX);
        assertThat(digits.classNames()).hasSize(10);
        assertThat(digits.imageCount()).isEqualTo(8000);
        assertThat(digits.thumbnails()).allSatisfy(ofClass -> assertThat(ofClass).hasSize(8));
        assertThat(digits.summary().testSize()).isEqualTo(2000);
        assertThat(digits.summary().trainSize() + digits.summary().validationSize()).isEqualTo(6000);
        assertThat(digits.summary().trainCounts().stream().mapToInt(Integer::intValue).sum()
                + digits.summary().validationCounts().stream().mapToInt(Integer::intValue).sum()
                + digits.summary().testCounts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(8000);
    }

    @Test
    void imageChoicesGoIntoTheProjectResizeTheSummaryAndSurviveSaving() throws Exception {
        openImagesAndWait(MNIST_PNG);
        ImageOptions chosen = ImageOptions.defaults().withSize(14, 16).withChannels(3)
                .withScaling(PixelScaling.STANDARDIZE).withSplit(0.2, 0.1, 7).withAugmentation(Augmentation.PHOTOS)
                .withStorage(ImageOptions.Storage.STREAM);

        onFx(() -> model.applyImageOptions(chosen));
        waitUntil(() -> model.imageSet().summary() != null
                && model.imageSet().summary().inputShape().equals(new Shape.Image(14, 16, 3)));

        assertThat(session.project().data().imageOptions()).isEqualTo(chosen);
        assertThat(session.isDirty()).isTrue();
        assertThat(model.imageSet().summary().describe()).last().asString().startsWith("Memory: streamed;");
        assertThat(model.imageSet().thumbnails()).hasSize(10);
        Path file = dir.resolve("digits" + Project.FILE_EXTENSION);
        ProjectFiles.write(session.project(), file);
        assertThat(ProjectFiles.read(file).data().imageOptions()).isEqualTo(chosen);
    }

    @Test
    void aTableWithOneFreeTextColumnOpensAsLabelledTexts() throws Exception {
        onFx(() -> model.open(SMS));
        waitUntil(() -> model.textSet() != null);
        TextSetSnapshot texts = model.textSet();

        assertThat(model.kindProperty().get()).isEqualTo(DataKind.TEXT_TABLE);
        assertThat(session.project().data().textColumn()).isEqualTo("SMS");
        assertThat(session.project().data().spec().targetColumn()).isEqualTo("Label");
        RawTable table = CsvImporter.read(SMS);
        int label = table.columnIndex("Label");
        int text = table.columnIndex("SMS");
        assertThat(texts.classNames()).containsExactly("ham", "spam");
        long spam = IntStream.range(0, table.rowCount()).filter(r -> "spam".equals(table.cell(r, label))).count();
        assertThat(texts.classCounts()).containsExactly(table.rowCount() - (int) spam, (int) spam);
        assertThat(texts.examples().get(0)).hasSize(5).first().asString().startsWith("Go until jurong point");
        assertThat(texts.examples().get(1)).hasSize(5).allSatisfy(example -> assertThat(IntStream
                .range(0, table.rowCount()).anyMatch(r -> example.equals(table.cell(r, text))
                        && "spam".equals(table.cell(r, label)))).isTrue());
        assertThat(texts.vocabularyWords()).isBetween(1000, 10_000);
        assertThat(texts.notes()).anyMatch(n -> n.contains("the vocabulary holds " + texts.vocabularyWords() + " words"));
        int longest = IntStream.range(0, table.rowCount()).map(r -> Tokenizer.tokenize(table.cell(r, text)).size())
                .max().orElseThrow();
        long longerThan60 = IntStream.range(0, table.rowCount())
                .filter(r -> Tokenizer.tokenize(table.cell(r, text)).size() > 60).count();
        assertThat(texts.lengths().max()).isEqualTo(longest);
        assertThat(texts.lengths().longerThanMax()).isEqualTo((int) longerThan60);
        assertThat(texts.lengths().percentile95()).isBetween((int) texts.lengths().median(), longest);
        assertThat(model.classBalance()).extracting(ColumnProfile.ValueCount::count)
                .containsExactlyElementsOf(texts.classCounts());
    }

    @Test
    void vocabularySettingsChangeTheVocabularyAndGoIntoTheProject() throws Exception {
        onFx(() -> model.open(SMS));
        waitUntil(() -> model.textSet() != null);
        int byDefault = model.textSet().vocabularyWords();
        TextOptions small = TextOptions.defaults().withVocabulary(500, 2).withMaxLength(20)
                .withEncoding(TextEncoding.BAG_OF_WORDS).withSplit(new SplitFractions(0.8, 0.1, 0.1)).withSeed(3);

        onFx(() -> model.applyTextOptions(small));
        waitUntil(() -> model.textSet() != null && model.textSet().maxLength() == 20);

        assertThat(model.textSet().vocabularyWords()).isEqualTo(500).isLessThan(byDefault);
        assertThat(session.project().data().textOptions()).isEqualTo(small);

        onFx(() -> model.applyTextOptions(small.withVocabulary(10_000, 1)));
        waitUntil(() -> model.textSet() != null && model.textSet().vocabularyWords() != 500);
        assertThat(model.textSet().vocabularyWords()).isGreaterThan(byDefault);
    }

    @Test
    void theTextColumnCanBeDroppedToTreatTheFileAsATableAndChosenAgain() throws Exception {
        onFx(() -> model.open(SMS));
        waitUntil(() -> model.textSet() != null && model.snapshot() != null && model.snapshot().complete());

        onFx(() -> model.chooseTextColumn(null));
        assertThat(model.kindProperty().get()).isEqualTo(DataKind.TABLE);
        assertThat(session.project().data().textColumn()).isNull();
        assertThat(session.project().data().spec().targetColumn()).isEqualTo("Label");

        onFx(() -> model.chooseTextColumn("SMS"));
        waitUntil(() -> model.textSet() != null);
        assertThat(model.kindProperty().get()).isEqualTo(DataKind.TEXT_TABLE);
        assertThat(session.project().data().textColumn()).isEqualTo("SMS");
        assertThat(session.project().data().textOptions()).isEqualTo(TextOptions.defaults());
    }

    @Test
    void aPlainTableStaysATable() throws Exception {
        onFx(() -> model.open(Path.of("../shared/datasets/titanic.csv")));
        waitUntil(() -> model.snapshot() != null && model.snapshot().complete());

        assertThat(model.kindProperty().get()).isEqualTo(DataKind.TABLE);
        assertThat(session.project().data().textColumn()).isNull();
        assertThat(model.textSet()).isNull();
    }

    @Test
    void openingATableAfterAnImageSetShowsTheTable() throws Exception {
        openImagesAndWait(MNIST_PNG);

        onFx(() -> model.open(Path.of("../shared/datasets/iris.csv")));
        waitUntil(() -> model.snapshot() != null && model.snapshot().complete()
                && model.kindProperty().get() == DataKind.TABLE);

        assertThat(session.project().data().imageOptions()).isNull();
        assertThat(session.project().data().spec().targetColumn()).isEqualTo("species");
    }
}
