package io.neuralworkbench.engine.project;

import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.workflow.TabularTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A project drives a real training run, and the run lands in the project's history on disk. */
class ProjectTrainingTest {

    @Test
    void aSavedProjectTrainsAndRecordsItsRun(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("iris" + Project.FILE_EXTENSION);
        Project created = Project.newFor(Path.of("../shared/datasets/iris.csv"), "species");
        ProjectFiles.write(created.withTraining(created.training().withEpochs(5)), file);

        Project project = ProjectFiles.read(file);
        Instant startedAt = Instant.now();
        TabularTraining training = TabularTraining.prepare(project.dataFile(), project.data().spec(),
                project.network(), project.training(), TrainingBackends.defaultBackend());
        TrainingResult result = training.newSession(null).run();
        result.model().close(); // only the history goes into the project
        ProjectFiles.write(project.withRun(Run.of(project.nextRunId(), startedAt, result, null, null)), file);

        Project reloaded = ProjectFiles.read(file);
        assertThat(reloaded.runs()).hasSize(1);
        Run run = reloaded.runs().get(0);
        assertThat(run.state()).isEqualTo(SessionState.COMPLETED.name());
        assertThat(run.history()).hasSize(5).isEqualTo(result.history());
        assertThat(run.startedAt()).isEqualTo(startedAt);
    }
}
