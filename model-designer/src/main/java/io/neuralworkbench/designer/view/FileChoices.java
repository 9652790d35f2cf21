package io.neuralworkbench.designer.view;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the designer's file actions ask for a file. The platform's dialogs by default; tests put a stand-in in
 * their place, since a headless robot cannot drive a native dialog.
 */
public interface FileChoices {

    /** A file to write, with the extension (e.g. "svg") it should have. */
    Optional<Path> save(String title, String description, String extension, String suggestedName);

    /** A file to read, of one of the extensions. */
    Optional<Path> open(String title, String description, String... extensions);

    /** JavaFX's file chooser over the given window. */
    static FileChoices platform(Supplier<Window> owner) {
        return new FileChoices() {
            @Override
            public Optional<Path> save(String title, String description, String extension, String suggestedName) {
                FileChooser chooser = chooser(title, description, extension);
                chooser.setInitialFileName(suggestedName);
                File file = chooser.showSaveDialog(owner.get());
                if (file == null) {
                    return Optional.empty();
                }
                Path path = file.toPath();
                return Optional.of(path.getFileName().toString().contains(".") ? path
                        : path.resolveSibling(path.getFileName() + "." + extension));
            }

            @Override
            public Optional<Path> open(String title, String description, String... extensions) {
                return Optional.ofNullable(chooser(title, description, extensions).showOpenDialog(owner.get()))
                        .map(File::toPath);
            }

            private FileChooser chooser(String title, String description, String... extensions) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                String[] patterns = java.util.Arrays.stream(extensions).map(e -> "*." + e).toArray(String[]::new);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
                return chooser;
            }
        };
    }
}
