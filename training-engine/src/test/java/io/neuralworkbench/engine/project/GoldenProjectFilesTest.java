package io.neuralworkbench.engine.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Project files written by earlier releases must keep loading as the same projects. */
class GoldenProjectFilesTest {

    @Test
    void goldenFileLoadsAsTheProjectBuiltInCode() throws URISyntaxException {
        Path golden = goldenFile();

        assertThat(ProjectFiles.read(golden)).isEqualTo(GoldenProjectFiles.iris(golden.getParent()));
    }

    /** A change in the written text is a format change: it needs a new format version and a new golden file. */
    @Test
    void writerStillProducesTheGoldenText(@TempDir Path folder) throws IOException, URISyntaxException {
        Path written = folder.resolve(GoldenProjectFiles.IRIS_FILE_NAME);

        ProjectFiles.write(GoldenProjectFiles.iris(folder), written);

        assertThat(text(written)).isEqualTo(text(goldenFile()));
    }

    private static Path goldenFile() throws URISyntaxException {
        String resource = GoldenProjectFiles.RESOURCE_DIRECTORY + GoldenProjectFiles.IRIS_FILE_NAME;
        URL url = GoldenProjectFilesTest.class.getResource(resource);
        assertThat(url).as("golden file %s is missing; create it with GoldenProjectFiles.main and commit it",
                resource).isNotNull();
        return Path.of(url.toURI());
    }

    /** Normalised so that Windows line endings (checkout or writer) still compare equal. */
    private static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
