package io.neuralworkbench.engine.project;

import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.image.ImageOptions;
import io.neuralworkbench.engine.data.text.TextOptions;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The dataset of a project and how it becomes training data: a table (the spec says how), texts with labels
 * (a text column, the spec's target as the label, and the text options), or images (the image options).
 *
 * @param file        the data file or folder; made absolute here, the project file stores it relative when it can
 * @param textColumn  the column holding the texts, or null when the data is not texts
 * @param textOptions tokenization, vocabulary and split of texts, or null when the data is not texts
 * @param imageOptions size, scaling, split and augmentation of images, or null when the data is not images
 */
public record ProjectData(Path file, PreprocessingSpec spec, String textColumn, TextOptions textOptions,
                          ImageOptions imageOptions) {
    /** Images have no columns; their spec only names the predicted value. */
    private static final String IMAGE_TARGET = "label";

    public ProjectData {
        file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        Objects.requireNonNull(spec, "spec");
        if ((textColumn == null) != (textOptions == null)) {
            throw new IllegalArgumentException("texts need both a text column and text options");
        }
        if (textColumn != null && imageOptions != null) {
            throw new IllegalArgumentException("the data is either texts or images, not both");
        }
    }

    /** A table, prepared as the spec says. */
    public ProjectData(Path file, PreprocessingSpec spec) {
        this(file, spec, null, null, null);
    }

    /** Texts in {@code textColumn} of a CSV/TSV file, labelled by {@code labelColumn}. */
    public static ProjectData texts(Path file, String textColumn, String labelColumn, TextOptions options) {
        return new ProjectData(file, PreprocessingSpec.forTarget(labelColumn), textColumn,
                Objects.requireNonNull(options, "options"), null);
    }

    /** MNIST IDX files (their folder) or an image folder with a sub-folder per class. */
    public static ProjectData images(Path fileOrFolder, ImageOptions options) {
        return new ProjectData(fileOrFolder, PreprocessingSpec.forTarget(IMAGE_TARGET), null, null,
                Objects.requireNonNull(options, "options"));
    }

    /** What kind of data this is; for images, looks at the files to tell IDX files from an image folder. */
    public DataKind kind() {
        if (textColumn != null) {
            return DataKind.TEXT_TABLE;
        }
        return imageOptions != null ? DataKind.detect(file, false) : DataKind.TABLE;
    }
}
