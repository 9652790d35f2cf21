package io.neuralworkbench.engine.project;

import io.neuralworkbench.engine.data.PreprocessingSpec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The dataset of a project and how it becomes training data.
 *
 * @param file the data file; made absolute here, the project file stores it relative when it can
 */
public record ProjectData(Path file, PreprocessingSpec spec) {
    public ProjectData {
        file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        Objects.requireNonNull(spec, "spec");
    }
}
