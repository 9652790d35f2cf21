package io.neuralworkbench.engine.project;

import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.SharedDatasets;
import io.neuralworkbench.engine.data.image.Augmentation;
import io.neuralworkbench.engine.data.image.ImageOptions;
import io.neuralworkbench.engine.data.text.TextEncoding;
import io.neuralworkbench.engine.data.text.TextOptions;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.workflow.ModelTraining;
import io.neuralworkbench.engine.workflow.ProjectTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Projects on texts and images: their settings survive the project file, and they prepare the right inputs. */
class ProjectDataKindsTest {
    private static final Path MNIST_DIGITS = Path.of("../shared/datasets/mnist-digits");
    private static final Path MNIST_PNG = Path.of("../shared/datasets/mnist-png");

    @TempDir
    Path directory;

    private static Project projectOn(ProjectData data) {
        return new Project("p", data, null, TrainingConfig.defaults(), List.of());
    }

    @Test
    void aTextProjectKeepsItsColumnAndOptionsAndPreparesTheTextClassifier() throws Exception {
        TextOptions options = TextOptions.defaults().withEncoding(TextEncoding.SEQUENCE).withMaxLength(40)
                .withVocabulary(3000, 2);
        Project project = projectOn(ProjectData.texts(SharedDatasets.SMS_SPAM, "SMS", "Label", options));
        Path file = directory.resolve("spam.nwproj");

        ProjectFiles.write(project, file);
        Project read = ProjectFiles.read(file);

        assertThat(read.data()).isEqualTo(project.data());
        assertThat(read.data().kind()).isEqualTo(DataKind.TEXT_TABLE);
        ModelTraining training = ProjectTraining.prepare(read, new Dl4jGraphBackend());
        TextPreprocessing text = (TextPreprocessing) training.inputs().preprocessing();
        assertThat(text.maxLength()).isEqualTo(40);
        assertThat(text.vocabulary().size()).isLessThanOrEqualTo(3000 + 2); // the words plus padding and unknown
        assertThat(training.network()).isEqualTo(Templates.textClassifier(text.vocabulary().size(), 40, 2));
    }

    @Test
    void imageProjectsTellIdxFilesFromAnImageFolderAndKeepTheirOptions() throws Exception {
        ImageOptions options = ImageOptions.defaults().withAugmentation(Augmentation.NONE.withMaxRotationDegrees(8));
        Project digits = projectOn(ProjectData.images(MNIST_DIGITS, options));
        Path file = directory.resolve("digits.nwproj");

        ProjectFiles.write(digits, file);
        Project read = ProjectFiles.read(file);

        assertThat(read.data()).isEqualTo(digits.data());
        assertThat(read.data().kind()).isEqualTo(DataKind.IDX);
        assertThat(ProjectData.images(MNIST_PNG, options).kind()).isEqualTo(DataKind.IMAGE_FOLDER);
        ModelTraining training = ProjectTraining.prepare(read, new Dl4jGraphBackend());
        assertThat(training.network()).isEqualTo(Templates.lenet(28, 28, 1, 10));
        assertThat(training.inputs().test().size()).isEqualTo(2000);
    }

    @Test
    void aTableProjectFileStaysAsItWasAndChangingTheSpecKeepsTextSettings() throws Exception {
        Project table = Project.newFor(SharedDatasets.IRIS, "species");
        Path file = directory.resolve("iris.nwproj");
        ProjectFiles.write(table, file);

        assertThat(Files.readString(file)).doesNotContain("textColumn", "\"images\"", "\"text\"");
        Project texts = projectOn(ProjectData.texts(SharedDatasets.SMS_SPAM, "SMS", "Label", TextOptions.defaults()));
        assertThat(texts.withSpec(texts.data().spec().withSplit(texts.data().spec().split(), 7)).data().textColumn())
                .isEqualTo("SMS");
    }

    @Test
    void textSettingsMustBeComplete() {
        assertThatThrownBy(() -> new ProjectData(SharedDatasets.SMS_SPAM, ProjectData.texts(SharedDatasets.SMS_SPAM,
                "SMS", "Label", TextOptions.defaults()).spec(), "SMS", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
