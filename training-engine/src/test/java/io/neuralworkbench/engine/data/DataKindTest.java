package io.neuralworkbench.engine.data;

import io.neuralworkbench.engine.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataKindTest {
    private static final Path DATASETS = Path.of("../shared/datasets");

    @Test
    void theSharedDatasetsAreRecognised() {
        assertThat(DataKind.detect(DATASETS.resolve("iris.csv"), false)).isEqualTo(DataKind.TABLE);
        assertThat(DataKind.detect(DATASETS.resolve("sms-spam.tsv"), true)).isEqualTo(DataKind.TEXT_TABLE);
        assertThat(DataKind.detect(DATASETS.resolve("mnist-digits"), false)).isEqualTo(DataKind.IDX);
        assertThat(DataKind.detect(DATASETS.resolve("mnist-digits/train-images-idx3-ubyte.gz"), false))
                .isEqualTo(DataKind.IDX);
        assertThat(DataKind.detect(DATASETS.resolve("mnist-png"), false)).isEqualTo(DataKind.IMAGE_FOLDER);
        assertThat(DataKind.detect(DATASETS.resolve("mnist-png/train"), false)).isEqualTo(DataKind.IMAGE_FOLDER);
    }

    @Test
    void aFolderOfSomethingElseIsRefusedWithTheLayoutsThatWork(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("cats"));
        Files.writeString(folder.resolve("cats/notes.txt"), "not an image");

        assertThatThrownBy(() -> DataKind.detect(folder, false))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("one sub-folder of images per class")
                .hasMessageContaining("IDX");
    }

    @Test
    void aMissingPathIsNamed() {
        assertThatThrownBy(() -> DataKind.detect(Path.of("no/such/data.csv"), false))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("data.csv does not exist");
    }
}
