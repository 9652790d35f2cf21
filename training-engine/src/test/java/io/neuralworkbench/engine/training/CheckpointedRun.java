package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;

import java.nio.file.Path;

/**
 * Started in a child JVM by {@link KillAndResumeTest}: trains with checkpoints, slowly enough that the test
 * can kill the process in the middle of the run.
 */
public final class CheckpointedRun {
    static final TrainingConfig CONFIG = TrainingConfig.defaults().withEpochs(6).withBatchSize(16).withLearningRate(0.01);

    private CheckpointedRun() {
    }

    static TrainingSession session(Path checkpointDirectory) {
        return TrainingSession.create(new Dl4jGraphBackend(), SyntheticData.smallClassifier(), CONFIG,
                SyntheticData.blobs(300, 1), SyntheticData.blobs(90, 2), checkpointDirectory);
    }

    public static void main(String[] args) {
        TrainingSession session = session(Path.of(args[0]));
        session.addListener(new TrainingListener() {
            @Override
            public void onIteration(IterationEvent event) {
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        session.run();
    }
}
