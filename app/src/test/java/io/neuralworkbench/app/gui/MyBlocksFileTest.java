package io.neuralworkbench.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import io.neuralworkbench.app.gui.design.DesignView;
import io.neuralworkbench.app.gui.design.MyBlocksFile;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.designer.commands.GroupNodes;
import io.neuralworkbench.designer.model.BlockLibrary;
import io.neuralworkbench.designer.model.BlockLibraryFile;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.designer.model.SavedBlock;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.project.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** "My blocks" outlive the window: read from their file at start, written back after every change. */
class MyBlocksFileTest {
    @TempDir
    Path dir;
    private TaskCenter tasks;
    private Path file;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        tasks = new TaskCenter(2);
        file = dir.resolve("NeuralWorkbench").resolve(MyBlocksFile.FILE_NAME);
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A block grouped the way the designer does it: the MLP's two hidden layers. */
    private static SavedBlock block(String name) {
        DesignerModel model = DesignerModel.of(Templates.mlpClassifier(4, 3));
        model.execute(new GroupNodes(List.of("dense1", "dense2"), name));
        return SavedBlock.of(model.state(), model.state().group(name).orElseThrow());
    }

    private static List<String> namesIn(Path file) {
        return BlockLibraryFile.read(file).stream().map(SavedBlock::name).toList();
    }

    @Test
    void theFilesBlocksAreInTheLibraryAtStartAndEveryChangeIsWrittenBack() throws Exception {
        BlockLibraryFile.write(file, List.of(block("hidden")));
        BlockLibrary library = new BlockLibrary();

        onFx(() -> MyBlocksFile.attach(library, file, tasks));
        waitUntil(() -> !library.blocks().isEmpty());
        assertThat(library.blocks()).containsExactly(block("hidden"));

        onFx(() -> library.put(block("pair")));
        waitUntil(() -> namesIn(file).size() == 2);
        assertThat(namesIn(file)).containsExactly("hidden", "pair");
        assertThat(BlockLibraryFile.read(file).get(1)).isEqualTo(block("pair"));
    }

    @Test
    void aFileThatCannotBeReadIsReportedAndNotSavedOver() throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"formatVersion\": 1, \"blocks\": [");
        AtomicReference<Throwable> reported = new AtomicReference<>();
        tasks.setFailureHandler((title, error) -> reported.set(error));
        BlockLibrary library = new BlockLibrary();

        onFx(() -> MyBlocksFile.attach(library, file, tasks));
        waitUntil(() -> reported.get() != null);
        onFx(() -> library.put(block("pair")));
        waitUntil(() -> tasks.running().isEmpty());

        assertThat(reported.get()).hasMessageContaining(file.toString()).hasMessageContaining("fix or delete");
        assertThat(Files.readString(file)).isEqualTo("{\"formatVersion\": 1, \"blocks\": [");
        assertThat(library.blocks()).extracting(SavedBlock::name).containsExactly("pair");
    }

    @Test
    void theDesignViewsDesignerUsesTheBlocksReadAtStart() throws Exception {
        BlockLibraryFile.write(file, List.of(block("hidden")));
        Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/my-blocks");
        AtomicReference<DesignView> view = new AtomicReference<>();
        AtomicReference<ProjectSession> session = new AtomicReference<>();
        try {
            onFx(() -> {
                session.set(new ProjectSession(preferences, dir.resolve("autosave")));
                view.set(new DesignView(session.get(), tasks, file));
            });
            waitUntil(() -> !view.get().blocks().blocks().isEmpty());

            onFx(() -> session.get().newProject(Project.newFor(Path.of("../shared/datasets/iris.csv").toAbsolutePath(),
                    "species")));
            waitUntil(() -> view.get().model().isPresent());

            assertThat(view.get().model().orElseThrow().blocks()).isSameAs(view.get().blocks());
            assertThat(view.get().model().orElseThrow().blocks().blocks()).extracting(SavedBlock::name)
                    .containsExactly("hidden");
        } finally {
            preferences.removeNode();
        }
    }
}
