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
        Path golden = goldenFile(GoldenProjectFiles.IRIS_FILE_NAME);

        Project read = ProjectFiles.read(golden);

        assertThat(read).isEqualTo(GoldenProjectFiles.iris(golden.getParent()));
        assertThat(read.layout()).isEmpty();
    }

    /** A change in the written text is a format change: it needs a new format version and a new golden file. */
    @Test
    void writerStillProducesTheGoldenText(@TempDir Path folder) throws IOException, URISyntaxException {
        Path written = folder.resolve(GoldenProjectFiles.IRIS_FILE_NAME);

        ProjectFiles.write(GoldenProjectFiles.iris(folder), written);

        assertThat(text(written)).isEqualTo(text(goldenFile(GoldenProjectFiles.IRIS_FILE_NAME)));
    }

    @Test
    void goldenFileWithNodePositionsLoadsThemInOrder() throws URISyntaxException {
        Path golden = goldenFile(GoldenProjectFiles.IRIS_WITH_LAYOUT_FILE_NAME);

        Project read = ProjectFiles.read(golden);

        assertThat(read).isEqualTo(GoldenProjectFiles.irisWithLayout(golden.getParent()));
        assertThat(read.layout().keySet()).containsExactlyElementsOf(
                read.network().nodes().stream().map(node -> node.name()).toList());
        assertThat(read.layout().get(read.network().nodes().get(1).name())).isEqualTo(new NodePosition(60, 160.5));
    }

    @Test
    void writerStillProducesTheGoldenTextWithNodePositions(@TempDir Path folder)
            throws IOException, URISyntaxException {
        Path written = folder.resolve(GoldenProjectFiles.IRIS_WITH_LAYOUT_FILE_NAME);

        ProjectFiles.write(GoldenProjectFiles.irisWithLayout(folder), written);

        assertThat(text(written)).isEqualTo(text(goldenFile(GoldenProjectFiles.IRIS_WITH_LAYOUT_FILE_NAME)));
    }

    private static Path goldenFile(String fileName) throws URISyntaxException {
        String resource = GoldenProjectFiles.RESOURCE_DIRECTORY + fileName;
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
