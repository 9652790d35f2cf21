package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.UserInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Datasets shipped in the resources module, so a fresh install can train without data of its own. */
public enum SampleData {
    iris("iris.csv", "species");

    private final String fileName;
    private final String target;

    SampleData(String fileName, String target) {
        this.fileName = fileName;
        this.target = target;
    }

    public String target() {
        return target;
    }

    /** Copies the sample out of the jar into a temporary folder, keeping its file name for provenance. */
    Path extract() throws IOException {
        Path directory = Files.createTempDirectory("workbench-sample");
        Path file = extractInto(directory);
        file.toFile().deleteOnExit();
        directory.toFile().deleteOnExit();
        return file;
    }

    /** Copies the sample out of the jar into {@code folder} (created if needed); returns the file. */
    public Path extractInto(Path folder) throws IOException {
        try (InputStream in = SampleData.class.getResourceAsStream("/io/neuralworkbench/resources/samples/" + fileName)) {
            if (in == null) {
                throw new UserInputException("The sample " + name() + " is missing from this installation.");
            }
            Files.createDirectories(folder);
            Path file = folder.resolve(fileName);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }
}
