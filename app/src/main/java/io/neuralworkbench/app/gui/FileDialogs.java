package io.neuralworkbench.app.gui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import io.neuralworkbench.app.settings.Settings;
import io.neuralworkbench.engine.project.Project;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file choosers the window asks; an interface so tests answer in place of the platform's dialogs. */
public interface FileDialogs {
    /** @return the chosen file, or null when the user cancelled */
    Path chooseProjectToOpen(Window owner);

    /** @return the chosen file, or null when the user cancelled */
    Path chooseProjectToSave(Window owner, String suggestedName);

    /** @return the chosen CSV/TSV file, or null when the user cancelled */
    Path chooseData(Window owner);

    /** The platform's file choosers, starting in the folders of the settings. */
    static FileDialogs platform(Settings settings) {
        return new FileDialogs() {
            @Override
            public Path chooseProjectToOpen(Window owner) {
                FileChooser chooser = chooser("Open project", settings.projectFolderProperty().get());
                chooser.getExtensionFilters().add(projectFilter());
                return remember(chooser.showOpenDialog(owner), settings.projectFolderProperty());
            }

            @Override
            public Path chooseProjectToSave(Window owner, String suggestedName) {
                FileChooser chooser = chooser("Save project as", settings.projectFolderProperty().get());
                chooser.getExtensionFilters().add(projectFilter());
                chooser.setInitialFileName(suggestedName + Project.FILE_EXTENSION);
                return remember(chooser.showSaveDialog(owner), settings.projectFolderProperty());
            }

            @Override
            public Path chooseData(Window owner) {
                FileChooser chooser = chooser("Open data", settings.dataFolderProperty().get());
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Tables (CSV, TSV)", "*.csv", "*.tsv", "*.txt"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
                return remember(chooser.showOpenDialog(owner), settings.dataFolderProperty());
            }
        };
    }

    private static FileChooser chooser(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    private static FileChooser.ExtensionFilter projectFilter() {
        return new FileChooser.ExtensionFilter("Neural Workbench projects", "*" + Project.FILE_EXTENSION);
    }

    private static Path remember(File chosen, javafx.beans.property.ObjectProperty<Path> folder) {
        if (chosen == null) {
            return null;
        }
        folder.set(chosen.toPath().toAbsolutePath().getParent());
        return chosen.toPath();
    }
}
