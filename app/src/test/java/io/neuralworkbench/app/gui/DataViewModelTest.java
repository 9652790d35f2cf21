package io.neuralworkbench.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import io.neuralworkbench.app.gui.data.DataViewModel;
import io.neuralworkbench.app.gui.data.TableSnapshot;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.BackgroundTask;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.ColumnProfile;
import io.neuralworkbench.engine.data.ColumnType;
import io.neuralworkbench.engine.data.SplitFractions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The data view's model on the JavaFX thread (headless toolkit), without the view. */
class DataViewModelTest {
    private static final Path IRIS = Path.of("../shared/datasets/iris.csv");

    @TempDir
    Path dir;
    private final Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/data");
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

    private TableSnapshot openAndWait(Path file) throws Exception {
        onFx(() -> model.open(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> model.snapshot() != null && model.snapshot().complete());
        WaitForAsyncUtils.waitForFxEvents();
        return model.snapshot();
    }

    @Test
    void openingATableMakesItTheProjectDataWithTheLastColumnAsTarget() throws Exception {
        TableSnapshot iris = openAndWait(IRIS);

        assertThat(iris.table().rowCount()).isEqualTo(150);
        assertThat(session.project().dataFile()).isEqualTo(IRIS.toAbsolutePath().normalize());
        assertThat(session.project().data().spec().targetColumn()).isEqualTo("species");
        assertThat(model.classBalance()).extracting(ColumnProfile.ValueCount::count).containsExactly(50, 50, 50);
    }

    @Test
    void choicesGoIntoThePreprocessingSpec() throws Exception {
        openAndWait(IRIS);

        onFx(() -> {
            model.overrideType("petal_width", ColumnType.CATEGORICAL);
            model.chooseSplit(0.6, 0.2, 0.2, 7);
        });

        var spec = session.project().data().spec();
        assertThat(spec.typeOverrides()).containsEntry("petal_width", ColumnType.CATEGORICAL);
        assertThat(spec.split()).isEqualTo(new SplitFractions(0.6, 0.2, 0.2));
        assertThat(spec.seed()).isEqualTo(7);
        assertThat(model.snapshot().profileOf("petal_width").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(session.isDirty()).isTrue();
    }

    @Test
    void aTypeThatDoesNotFitIsRefusedAndNotTaken() throws Exception {
        openAndWait(IRIS);
        AtomicReference<Throwable> refused = new AtomicReference<>();

        onFx(() -> {
            try {
                model.overrideType("species", ColumnType.NUMERIC);
            } catch (UserInputException e) {
                refused.set(e);
            }
        });

        assertThat(refused.get()).isInstanceOf(UserInputException.class).hasMessageContaining("species");
        assertThat(session.project().data().spec().typeOverrides()).isEmpty();
        assertThatThrownBy(() -> model.chooseSplit(0.5, 0.2, 0.2, 1)).isInstanceOf(UserInputException.class);
    }

    /** The preview of a 50 MB file appears long before the whole file is read. */
    @Test
    void aLargeFileShowsItsPreviewQuickly() throws Exception {
        Path large = dir.resolve("large.csv");
        Random random = new Random(1);
        // 1,000 random rows repeated: formatting a million rows one by one would dominate the test's time.
        StringBuilder block = new StringBuilder();
        for (int row = 0; row < 1000; row++) {
            block.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f,%.5f,class%d%n", random.nextDouble(),
                    random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(), row % 4));
        }
        try (BufferedWriter out = Files.newBufferedWriter(large)) {
            out.write("a,b,c,d,e,label\n");
            for (int repeat = 0; repeat < 1000; repeat++) {
                out.write(block.toString());
            }
        }
        assertThat(Files.size(large)).isGreaterThan(45_000_000L);
        AtomicLong previewNanos = new AtomicLong();
        AtomicReference<BackgroundTask<TableSnapshot>> task = new AtomicReference<>();
        long start = System.nanoTime();
        onFx(() -> {
            task.set(model.open(large));
            model.snapshotProperty().addListener((o, old, now) -> previewNanos.compareAndSet(0, System.nanoTime()));
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> previewNanos.get() != 0);
        double previewSeconds = (previewNanos.get() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Preview of a %.0f MB CSV shown after %.3f s%n", Files.size(large) / 1e6,
                previewSeconds);

        assertThat(model.snapshot().complete()).isFalse();
        assertThat(model.snapshot().preview().rowCount()).isGreaterThan(DataViewModel.PREVIEW_ROWS);
        assertThat(previewSeconds).isLessThan(3.0);
        onFx(() -> task.get().cancel());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tasks.running().isEmpty());
    }
}
