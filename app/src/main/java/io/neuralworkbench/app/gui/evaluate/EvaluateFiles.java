package io.neuralworkbench.app.gui.evaluate;

import java.io.File;
import java.nio.file.Path;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The files the Evaluate view asks for; tests answer without a dialog. Each returns null when cancelled. */
public interface EvaluateFiles {
    Path chooseBundle(Window owner);

    /** @param folder true for image models, whose data is a folder */
    Path chooseData(Window owner, boolean folder);

    Path chooseImage(Window owner);

    /** The platform's file and folder choosers. */
    static EvaluateFiles platform() {
        return new EvaluateFiles() {
            @Override
            public Path chooseBundle(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Open model bundle");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Model bundles (.zip)", "*.zip"));
                return toPath(chooser.showOpenDialog(owner));
            }

            @Override
            public Path chooseData(Window owner, boolean folder) {
                if (folder) {
                    DirectoryChooser chooser = new DirectoryChooser();
                    chooser.setTitle("Evaluate on a folder of images (MNIST IDX files or one folder per class)");
                    return toPath(chooser.showDialog(owner));
                }
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Evaluate on labelled data");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Tables (CSV, TSV)", "*.csv", "*.tsv", "*.txt"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
                return toPath(chooser.showOpenDialog(owner));
            }

            @Override
            public Path chooseImage(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Predict an image");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg",
                        "*.jpeg", "*.bmp", "*.gif"));
                return toPath(chooser.showOpenDialog(owner));
            }
        };
    }

    private static Path toPath(File file) {
        return file == null ? null : file.toPath();
    }
}
