package io.neuralworkbench.engine.project;

import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectTest {
    private static final Instant START = Instant.parse("2026-11-22T10:15:30Z");

    @Test
    void newProjectIsNamedAfterTheDataFileAndUsesTheDefaults() {
        Project project = Project.newFor(Path.of("data", "penguins.v2.csv"), "species");

        assertThat(project.name()).isEqualTo("penguins.v2");
        assertThat(project.data().spec()).isEqualTo(PreprocessingSpec.forTarget("species"));
        assertThat(project.training()).isEqualTo(TrainingConfig.defaults());
        assertThat(project.network()).isNull();
        assertThat(project.runs()).isEmpty();
    }

    /** Relative paths would change meaning when the working directory changes; the file stores them relative. */
    @Test
    void pathsAreHeldAbsoluteAndNormalised() {
        Project project = Project.newFor(Path.of("data/../iris.csv"), "species")
                .withRun(run("run-1", Path.of("models/./iris.zip")));

        assertThat(project.dataFile()).isEqualTo(Path.of("iris.csv").toAbsolutePath());
        assertThat(project.runs().get(0).bundle()).isEqualTo(Path.of("models/iris.zip").toAbsolutePath());
    }

    @Test
    void withRunAppendsANewRunAndReplacesARunWithTheSameIdInItsPlace() {
        Project project = Project.newFor(Path.of("iris.csv"), "species")
                .withRun(run("run-1", null))
                .withRun(run("run-2", null));
        Run updated = run("run-1", Path.of("iris.zip"));

        Project changed = project.withRun(updated);

        assertThat(project.runs()).extracting(Run::id).containsExactly("run-1", "run-2");
        assertThat(changed.runs()).containsExactly(updated, project.runs().get(1));
    }

    @Test
    void nextRunIdIsOneNoRunHas() {
        Project project = Project.newFor(Path.of("iris.csv"), "species");

        assertThat(project.nextRunId()).isEqualTo("run-1");
        assertThat(project.withRun(run("run-2", null)).nextRunId()).isEqualTo("run-3");
        assertThat(project.withRun(run("run-1", null)).nextRunId()).isEqualTo("run-2");
    }

    @Test
    void runOfAFinishedSessionKeepsItsStateHistoryAndMessage() {
        List<EpochEvent> history = List.of(new EpochEvent(0, 3, 0.9, 0.7, Double.NaN, Double.NaN, 0.001, 500, 1, 2));
        TrainingResult result = new TrainingResult(SessionState.STOPPED, "Stopped by the user.", history, 0, null);

        Run run = Run.of("run-1", START, result, null, null);

        assertThat(run.state()).isEqualTo("STOPPED");
        assertThat(run.history()).isEqualTo(history);
        assertThat(run.message()).isEqualTo("Stopped by the user.");
    }

    private static Run run(String id, Path bundle) {
        return new Run(id, START, "COMPLETED", List.of(), null, bundle, null);
    }
}
