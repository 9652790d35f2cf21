package io.neuralworkbench.app.gui.design;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.neuralworkbench.app.settings.Settings;
import io.neuralworkbench.app.tasks.BackgroundTask;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.designer.model.BlockLibrary;
import io.neuralworkbench.designer.model.BlockLibraryFile;
import io.neuralworkbench.designer.model.SavedBlock;

/**
 * Keeps "My blocks" between sessions in a JSON file ({@link BlockLibraryFile}): read once when the window starts,
 * written again after every change, both as background tasks. A file that cannot be read is reported and left
 * alone: the library then starts empty and is not saved over it.
 */
public final class MyBlocksFile {
    /** Beside the user's projects, in the workbench's default folder. */
    public static final String FILE_NAME = "my-blocks.json";

    private final BlockLibrary library;
    private final Path file;
    private final TaskCenter tasks;
    private final Object writing = new Object();
    /** Numbers the saves asked for, so a slow older save never overwrites a newer one. */
    private long requested;
    private long written;

    private MyBlocksFile(BlockLibrary library, Path file, TaskCenter tasks) {
        this.library = library;
        this.file = file;
        this.tasks = tasks;
    }

    public static Path defaultFile() {
        return Settings.defaultWorkbenchFolder().resolve(FILE_NAME);
    }

    /**
     * Reads {@code file} into {@code library} in the background, then saves the library to it after every change.
     * Call on the JavaFX thread.
     *
     * @return the task reading the file
     */
    public static BackgroundTask<List<SavedBlock>> attach(BlockLibrary library, Path file, TaskCenter tasks) {
        MyBlocksFile kept = new MyBlocksFile(Objects.requireNonNull(library), Objects.requireNonNull(file), tasks);
        return tasks.submit("Reading My blocks", progress -> BlockLibraryFile.read(file), read -> {
            // Blocks made while the file was read stay; the ones read join them.
            boolean madeMeanwhile = !library.blocks().isEmpty();
            library.putAll(read);
            library.addListener(kept::save);
            if (madeMeanwhile) {
                kept.save();
            }
        });
    }

    private void save() {
        List<SavedBlock> blocks = library.blocks();
        long version;
        synchronized (writing) {
            version = ++requested;
        }
        tasks.submit("Saving My blocks", progress -> {
            synchronized (writing) {
                if (version > written) {
                    BlockLibraryFile.write(file, blocks);
                    written = version;
                }
            }
            return file;
        }, saved -> { });
    }
}
