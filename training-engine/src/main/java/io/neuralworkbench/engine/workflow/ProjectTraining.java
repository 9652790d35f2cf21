package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.image.ImageDatasets;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectData;
import io.neuralworkbench.engine.data.text.TextDatasets;
import io.neuralworkbench.engine.training.TrainingBackend;

import java.nio.file.Files;
import java.nio.file.Path;

/** A project's data imported the way the project says (table, texts or images) and made ready to train. */
public final class ProjectTraining {
    private ProjectTraining() {
    }

    /**
     * @throws io.neuralworkbench.engine.UserInputException if the data cannot be read or the network cannot
     *                                                      take it
     */
    public static ModelTraining prepare(Project project, TrainingBackend backend) {
        ProjectData data = project.data();
        if (data.kind() == DataKind.TABLE) {
            return TabularTraining.prepare(data.file(), data.spec(), project.network(), project.training(), backend)
                    .training();
        }
        return ModelTraining.prepare(importInputs(data), project.network(), project.training(), backend);
    }

    /** Texts or images as the settings say; tables go through {@link TabularTraining}. */
    public static PreparedInputs importInputs(ProjectData data) {
        return switch (data.kind()) {
            case TEXT_TABLE -> TextDatasets.fromTable(data.file(), data.textColumn(), data.spec().targetColumn(),
                    data.textOptions());
            case IDX -> ImageDatasets.fromIdxDirectory(idxFolder(data.file()), data.imageOptions());
            case IMAGE_FOLDER -> ImageDatasets.fromFolder(data.file(), data.imageOptions());
            case TABLE -> throw new IllegalArgumentException("tables are prepared by TabularTraining");
        };
    }

    /** IDX files are found by their folder; the user may have pointed at one of the files. */
    private static Path idxFolder(Path fileOrFolder) {
        return Files.isDirectory(fileOrFolder) ? fileOrFolder : fileOrFolder.toAbsolutePath().getParent();
    }
}
