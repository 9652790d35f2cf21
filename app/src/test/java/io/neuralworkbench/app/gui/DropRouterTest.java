package io.neuralworkbench.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.neuralworkbench.engine.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropRouterTest {
    @TempDir
    Path dir;

    @Test
    void eachKindOfFileGoesToItsPlace() throws IOException {
        Path project = Files.writeString(dir.resolve("a.nwproj"), "{}");
        Path bundle = Files.writeString(dir.resolve("model.zip"), "");

        assertThat(DropRouter.route(project)).isEqualTo(DropRouter.Destination.PROJECT);
        assertThat(DropRouter.route(bundle)).isEqualTo(DropRouter.Destination.MODEL_BUNDLE);
        assertThat(DropRouter.route(Path.of("../shared/datasets/iris.csv"))).isEqualTo(DropRouter.Destination.TABLE);
        assertThat(DropRouter.route(Path.of("../shared/datasets/sms-spam.tsv")))
                .isEqualTo(DropRouter.Destination.TABLE);
        assertThat(DropRouter.route(Path.of("../shared/datasets/mnist-digits"))).isEqualTo(DropRouter.Destination.IDX);
        assertThat(DropRouter.route(Path.of("../shared/datasets/mnist-png")))
                .isEqualTo(DropRouter.Destination.IMAGE_FOLDER);
    }

    @Test
    void anEmptyFolderIsRefusedWithAnExplanation() {
        assertThatThrownBy(() -> DropRouter.route(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("holds neither MNIST IDX files");
    }
}
