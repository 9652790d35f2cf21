package io.neuralworkbench.app.gui.export;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;

/** The choosers the Export view asks; an interface so tests answer in place of the platform's dialogs. */
public interface ExportDialogs {
    /** @return the chosen bundle, or null when the user cancelled */
    Path chooseBundleToOpen(Window owner);

    /** @return where to save the bundle, or null when the user cancelled */
    Path chooseBundleToSave(Window owner, String suggestedName);

    /** @return where to write the model card, or null when the user cancelled */
    Path chooseCardToSave(Window owner, String suggestedName);

    /** @return the folder for the Java example project, or null when the user cancelled */
    Path chooseExampleFolder(Window owner);

    /** @return where to write the ONNX model (its preprocessing JSON goes beside it), or null when cancelled */
    Path chooseOnnxToSave(Window owner, String suggestedName);

    /** The platform's file and folder choosers. */
    static ExportDialogs platform() {
        return new ExportDialogs() {
            @Override
            public Path chooseBundleToOpen(Window owner) {
                return pathOf(chooser("Open model bundle", null, bundles()).showOpenDialog(owner));
            }

            @Override
            public Path chooseBundleToSave(Window owner, String suggestedName) {
                return pathOf(chooser("Save model bundle as", suggestedName + ".zip", bundles()).showSaveDialog(owner));
            }

            @Override
            public Path chooseCardToSave(Window owner, String suggestedName) {
                return pathOf(chooser("Save model card as", suggestedName + "-card.html",
                        new FileChooser.ExtensionFilter("HTML pages", "*.html")).showSaveDialog(owner));
            }

            @Override
            public Path chooseExampleFolder(Window owner) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Folder for the Java example project");
                return pathOf(chooser.showDialog(owner));
            }

            @Override
            public Path chooseOnnxToSave(Window owner, String suggestedName) {
                return pathOf(chooser("Save ONNX model as", suggestedName + ".onnx",
                        new FileChooser.ExtensionFilter("ONNX models", "*.onnx")).showSaveDialog(owner));
            }
        };
    }

    private static FileChooser chooser(String title, String initialName, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        if (initialName != null) {
            chooser.setInitialFileName(initialName);
        }
        return chooser;
    }

    private static FileChooser.ExtensionFilter bundles() {
        return new FileChooser.ExtensionFilter("Model bundles", "*.zip");
    }

    private static Path pathOf(File chosen) {
        return chosen == null ? null : chosen.toPath();
    }
}
