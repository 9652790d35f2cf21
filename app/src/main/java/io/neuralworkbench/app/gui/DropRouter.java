package io.neuralworkbench.app.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.project.Project;

/** Decides where a file dropped on the window (or opened from the menu) goes. */
public final class DropRouter {
    /** Where a file opens. */
    public enum Destination {
        /** A project file: opened as the current project. */
        PROJECT,
        /** A CSV/TSV table: the Data view. */
        TABLE,
        /** A folder of images per class: the Data view's image import. */
        IMAGE_FOLDER,
        /** MNIST IDX files: the Data view's image import. */
        IDX,
        /** A trained model bundle (.zip): the Evaluate view. */
        MODEL_BUNDLE
    }

    private DropRouter() {
    }

    /** @throws UserInputException when the path holds nothing the workbench opens, saying what it does open */
    public static Destination route(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path) && name.endsWith(Project.FILE_EXTENSION)) {
            return Destination.PROJECT;
        }
        if (Files.isRegularFile(path) && name.endsWith(".zip")) {
            return Destination.MODEL_BUNDLE;
        }
        return switch (DataKind.detect(path, false)) {
            case TABLE, TEXT_TABLE -> Destination.TABLE;
            case IMAGE_FOLDER -> Destination.IMAGE_FOLDER;
            case IDX -> Destination.IDX;
        };
    }
}
