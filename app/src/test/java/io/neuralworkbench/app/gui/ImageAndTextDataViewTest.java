package io.neuralworkbench.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

import io.neuralworkbench.app.cli.SampleData;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.settings.Settings;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.engine.data.image.ImageOptions;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The Data view with an image folder and with labelled texts, in the real window, driven with clicks and keys. */
@ExtendWith(ApplicationExtension.class)
class ImageAndTextDataViewTest {
    private static final Path MNIST_TRAIN = Path.of("../shared/datasets/mnist-png/train");
    private static final Path MNIST_IDX = Path.of("../shared/datasets/mnist-digits");
    private static final Path SMS = Path.of("../shared/datasets/sms-spam.tsv");

    @TempDir
    static Path dir;
    private final Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/data-kinds-window");
    private final AtomicReference<Path> nextChosenFile = new AtomicReference<>();
    private ProjectSession session;
    private TaskCenter tasks;
    private MainWindow window;

    @Start
    void start(Stage stage) throws BackingStoreException {
        preferences.clear();
        session = new ProjectSession(preferences, dir.resolve("autosave"));
        tasks = new TaskCenter(2);
        FileDialogs answers = new FileDialogs() {
            @Override
            public Path chooseProjectToOpen(Window owner) {
                return nextChosenFile.get();
            }

            @Override
            public Path chooseProjectToSave(Window owner, String suggestedName) {
                return nextChosenFile.get();
            }

            @Override
            public Path chooseData(Window owner) {
                return nextChosenFile.get();
            }
        };
        window = new MainWindow(stage, new Settings(preferences), session, tasks, answers);
        stage.show();
        window.openSample(SampleData.iris, dir.resolve("samples"));
    }

    @AfterEach
    void stopTasks() throws BackingStoreException {
        tasks.close();
        preferences.removeNode();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A small image folder of real MNIST digits: three 0s, five 1s and two 7s. */
    private static Path digitSubset() throws IOException {
        Path folder = Files.createTempDirectory(dir, "digits");
        for (Map.Entry<String, Integer> wanted : Map.of("0", 3, "1", 5, "7", 2).entrySet()) {
            Path classFolder = Files.createDirectories(folder.resolve(wanted.getKey()));
            try (Stream<Path> files = Files.list(MNIST_TRAIN.resolve(wanted.getKey()))) {
                for (Path png : files.sorted().limit(wanted.getValue()).toList()) {
                    Files.copy(png, classFolder.resolve(png.getFileName()));
                }
            }
        }
        return folder;
    }

    private void replaceText(FxRobot robot, String fieldId, String text) {
        robot.doubleClickOn(fieldId);
        robot.interact(() -> robot.lookup(fieldId).queryTextInputControl().clear());
        robot.clickOn(fieldId).write(text);
    }

    @Test
    void openingAnImageFolderShowsAThumbnailGridWithEachClassCount(FxRobot robot) throws Exception {
        waitUntil(() -> window.dataModel().snapshot() != null && window.dataModel().snapshot().complete());
        Path digits = digitSubset();
        nextChosenFile.set(digits);

        robot.clickOn("#openData");
        waitUntil(() -> window.dataModel().imageSet() != null && window.dataModel().imageSet().complete());

        VBox grid = robot.lookup("#thumbnailGrid").queryAs(VBox.class);
        assertThat(grid.isVisible()).isTrue();
        assertThat(grid.getChildren()).hasSize(3);
        assertThat(robot.lookup("#imageClass-0").queryAs(Label.class).getText()).isEqualTo("0 — 3 images");
        assertThat(robot.lookup("#imageClass-1").queryAs(Label.class).getText()).isEqualTo("1 — 5 images");
        assertThat(robot.lookup("#imageClass-7").queryAs(Label.class).getText()).isEqualTo("7 — 2 images");
        List<Integer> thumbnailsPerRow = grid.getChildren().stream()
                .map(row -> (int) ((HBox) row).getChildren().stream().filter(ImageView.class::isInstance).count())
                .toList();
        assertThat(thumbnailsPerRow).containsExactly(3, 5, 2);
        ImageView firstThumbnail = (ImageView) ((HBox) grid.getChildren().get(0)).getChildren().get(1);
        assertThat(firstThumbnail.getImage().getWidth()).isEqualTo(28);
        @SuppressWarnings("unchecked")
        BarChart<String, Number> balance = robot.lookup("#imageClassBalanceChart").queryAs(BarChart.class);
        assertThat(balance.getData().get(0).getData()).extracting(d -> d.getXValue() + "=" + d.getYValue())
                .containsExactly("0=3", "1=5", "7=2");
        assertThat(robot.lookup("#imageSummary").queryAs(Label.class).getText())
                .contains("Input: 28×28 pixels, 1 channel").contains("Memory: in memory;");
        assertThat(robot.lookup("#dataRows").queryAs(Label.class).getText()).startsWith("10 images in 3 classes");
        assertThat(session.project().dataFile()).isEqualTo(digits.toAbsolutePath().normalize());
    }

    @Test
    void imageChoicesInTheFormGoIntoTheProjectAndTheSummary(FxRobot robot) throws Exception {
        waitUntil(() -> window.dataModel().snapshot() != null && window.dataModel().snapshot().complete());
        nextChosenFile.set(digitSubset());
        robot.clickOn("#openData");
        waitUntil(() -> window.dataModel().imageSet() != null && window.dataModel().imageSet().complete());

        replaceText(robot, "#imageHeight", "14");
        replaceText(robot, "#imageWidth", "12");
        robot.clickOn("#imageChannels");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("RGB")).queryLabeled());
        robot.clickOn("#augmentFlip");
        robot.clickOn("#applyImageOptions");
        waitUntil(() -> robot.lookup("#imageSummary").queryAs(Label.class).getText().contains("14×12 pixels"));

        ImageOptions options = session.project().data().imageOptions();
        assertThat(options.height()).isEqualTo(14);
        assertThat(options.width()).isEqualTo(12);
        assertThat(options.channels()).isEqualTo(3);
        assertThat(options.augmentation().horizontalFlip()).isTrue();
        assertThat(robot.lookup("#imageSummary").queryAs(Label.class).getText()).contains("3 channels");
        assertThat(window.stage().getTitle()).startsWith("•");
    }

    /** Monocle cannot drive a real drag from outside the window, so this calls the drop handler's action. */
    @Test
    void droppingMnistIdxFilesShowsTheirDigits(FxRobot robot) throws Exception {
        waitUntil(() -> window.dataModel().snapshot() != null && window.dataModel().snapshot().complete());

        robot.interact(() -> window.dropped(MNIST_IDX));
        waitUntil(() -> window.dataModel().imageSet() != null && window.dataModel().imageSet().complete());

        VBox grid = robot.lookup("#thumbnailGrid").queryAs(VBox.class);
        assertThat(grid.getChildren()).hasSize(10);
        int total = 0;
        for (int digit = 0; digit < 10; digit++) {
            String text = robot.lookup("#imageClass-" + digit).queryAs(Label.class).getText();
            total += Integer.parseInt(text.replaceAll("^\\d — (\\d+) images$", "$1"));
        }
        assertThat(total).isEqualTo(8000);
        assertThat(robot.lookup("#dataRows").queryAs(Label.class).getText()).startsWith("8000 images in 10 classes");
    }

    @Test
    void openingLabelledTextsShowsExamplesPerClassAndTheVocabularySize(FxRobot robot) throws Exception {
        waitUntil(() -> window.dataModel().snapshot() != null && window.dataModel().snapshot().complete());
        nextChosenFile.set(SMS);

        robot.clickOn("#openData");
        waitUntil(() -> window.dataModel().textSet() != null);

        VBox examples = robot.lookup("#textExamples").queryAs(VBox.class);
        assertThat(examples.isVisible()).isTrue();
        List<String> shown = examples.getChildren().stream().map(node -> ((Label) node).getText()).toList();
        assertThat(shown.get(0)).startsWith("ham — ");
        assertThat(shown.get(1)).startsWith("Go until jurong point");
        assertThat(shown).anyMatch(text -> text.startsWith("spam — "));
        assertThat(shown).hasSize(2 + 2 * 5);
        int words = window.dataModel().textSet().vocabularyWords();
        assertThat(robot.lookup("#vocabularySize").queryAs(Label.class).getText())
                .startsWith("Vocabulary: " + words + " words from the training split");
        assertThat(robot.lookup("#textLengths").queryAs(Label.class).getText()).startsWith("Tokens per text: ");

        replaceText(robot, "#textMaxWords", "300");
        robot.clickOn("#applyTextOptions");
        waitUntil(() -> robot.lookup("#vocabularySize").queryAs(Label.class).getText().startsWith("Vocabulary: 300 words"));
        assertThat(session.project().data().textOptions().maxWords()).isEqualTo(300);
        Node chart = robot.lookup("#textClassBalanceChart").query();
        assertThat(((BarChart<?, ?>) chart).getData().get(0).getData()).hasSize(2);
    }

    /** Reads sms-spam.tsv as texts twice: close to 10 s on a busy machine. */
    @Test
    @Tag("slow")
    void labelledTextsCanBeReadAsAPlainTableAndBackAgain(FxRobot robot) throws Exception {
        waitUntil(() -> window.dataModel().snapshot() != null && window.dataModel().snapshot().complete());
        nextChosenFile.set(SMS);
        robot.clickOn("#openData");
        waitUntil(() -> window.dataModel().textSet() != null && window.dataModel().snapshot().complete());

        robot.clickOn("#textColumn");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("(none: a table)"))
                .queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(session.project().data().textColumn()).isNull();
        assertThat(robot.lookup("#previewTable").queryAs(javafx.scene.control.TableView.class).getItems()).hasSize(200);
        assertThat(robot.lookup("#textExamples").tryQuery()).isEmpty();

        robot.clickOn("#textColumnChoice");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("SMS")).queryLabeled());
        waitUntil(() -> window.dataModel().textSet() != null);

        assertThat(session.project().data().textColumn()).isEqualTo("SMS");
        assertThat(robot.lookup("#textExamples").queryAs(VBox.class).getChildren()).hasSize(12);
    }
}
