package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Tag("slow")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KillAndResumeTest {

    @Test
    void aRunKilledMidwayResumesFromItsCheckpointAndEndsAsAnUninterruptedRun(@TempDir Path directory)
            throws Exception {
        Path checkpoints = directory.resolve("checkpoints");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CheckpointedRun.class.getName(), checkpoints.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("child.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (epochsCheckpointed(checkpoints) < 2) {
                assertThat(child.isAlive()).as("child still training; log: %s",
                        Files.exists(directory.resolve("child.log")) ? Files.readString(directory.resolve("child.log")) : "").isTrue();
                assertThat(System.nanoTime()).as("checkpoint written in time").isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        int done = epochsCheckpointed(checkpoints);
        assertThat(done).isBetween(2, CheckpointedRun.CONFIG.epochs() - 1);

        TrainingSession resumed = TrainingSession.resume(new Dl4jGraphBackend(), checkpoints,
                SyntheticData.blobs(300, 1), SyntheticData.blobs(90, 2));
        TrainingResult result = resumed.run();

        assertThat(result.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(result.history()).hasSize(CheckpointedRun.CONFIG.epochs());
        List<EpochEvent> uninterrupted = CheckpointedRun.session(null).run().history();
        for (int epoch = 0; epoch < uninterrupted.size(); epoch++) {
            assertThat(result.history().get(epoch).validationLoss())
                    .as("validation loss of epoch %d", epoch)
                    .isCloseTo(uninterrupted.get(epoch).validationLoss(), within(1e-5));
        }
    }

    private static int epochsCheckpointed(Path checkpoints) {
        if (!Files.exists(checkpoints.resolve(Checkpoint.FILE_NAME))) {
            return 0;
        }
        return Checkpoint.read(checkpoints).epochsCompleted();
    }
}
