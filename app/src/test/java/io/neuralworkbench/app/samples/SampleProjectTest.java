package io.neuralworkbench.app.samples;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectFiles;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.pytorch.PyTorchBackend;
import io.neuralworkbench.engine.workflow.ModelTraining;
import io.neuralworkbench.engine.workflow.ProjectTraining;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every bundled sample project unpacks, opens as a project of its kind, and trains to a useful model. */
@Tag("slow")
class SampleProjectTest {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"IRIS, TABLE, 0.9", "MNIST, IDX, 0.9", "SMS_SPAM, TEXT_TABLE, 0.9", "TWO_SPIRALS, TABLE, 0.9"})
    void theSampleUnpacksOpensAndTrainsWithItsOwnSettings(SampleProject sample, DataKind kind, double accuracy)
            throws Exception {
        Path projectFile = sample.extractTo(directory.resolve(sample.id()));
        Project project = ProjectFiles.read(projectFile);

        assertThat(project.data().kind()).isEqualTo(kind);
        assertThat(project.dataFile()).startsWith(directory);
        ModelTraining training = ProjectTraining.prepare(project, new PyTorchBackend());
        TrainingResult result = training.newSession(null).run();
        assertThat(result.state()).isEqualTo(SessionState.COMPLETED);
        try (var bundle = training.bundle(result)) {
            double testAccuracy = bundle.testMetrics().classification().accuracy();
            System.out.printf("sample %s: test accuracy %.3f%n", sample.id(), testAccuracy);
            assertThat(testAccuracy).isGreaterThanOrEqualTo(accuracy);
        }
    }

    @Test
    void anUnknownSampleListsTheOnesThereAre() {
        assertThat(SampleProject.withId("mnist-lenet")).isEqualTo(SampleProject.MNIST);
        assertThatThrownBy(() -> SampleProject.withId("cifar")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("iris, mnist-lenet, sms-spam, two-spirals");
    }
}
