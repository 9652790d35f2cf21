package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.eval.Evaluator;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.SessionState;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingListener;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.TrainingSession;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Training and evaluation on image sets read batch by batch (with prefetching) give exactly what the same set
 * held in memory gives, and augmented runs keep the session's determinism: the same seed repeats a run and a
 * resumed run continues as the original.
 */
class StreamingTrainingTest {
    private static final NetworkDescription MLP = Templates.mlpClassifier(28 * 28, 10);
    private static final TrainingConfig CONFIG = TrainingConfig.defaults().withEpochs(3).withBatchSize(32);

    private static TrainingResult train(PreparedInputs inputs, TrainingConfig config, Path checkpoints) {
        return TrainingSession.create(new Dl4jGraphBackend(), MLP, config, inputs.train(), inputs.validation(),
                checkpoints).run();
    }

    private static PreparedInputs mnistPng(ImageOptions options) {
        return ImageDatasets.fromFolder(ImageFolderImporterTest.MNIST_PNG, options);
    }

    @Test
    @Tag("slow")
    void aStreamedSetTrainsAndEvaluatesExactlyLikeTheSameSetInMemory() {
        PreparedInputs inMemory = mnistPng(ImageOptions.defaults().withStorage(ImageOptions.Storage.IN_MEMORY));
        PreparedInputs streamed = mnistPng(ImageOptions.defaults().withStorage(ImageOptions.Storage.STREAM));
        assertThat(streamed.train().inMemory()).isFalse();
        assertThat(streamed.validation().inMemory()).isFalse();

        TrainingResult fromMemory = train(inMemory, CONFIG, null);
        TrainingResult fromDisk = train(streamed, CONFIG, null);

        assertThat(fromDisk.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(metrics(fromDisk.history())).isEqualTo(metrics(fromMemory.history()));
        assertThat(fromMemory.lastEpoch().validationAccuracy()).isGreaterThan(0.7);
        EvaluationReport memoryReport = Evaluator.evaluate(fromMemory.model(), inMemory.test(), inMemory.preprocessing());
        EvaluationReport diskReport = Evaluator.evaluate(fromDisk.model(), streamed.test(), streamed.preprocessing());
        assertThat(diskReport.samples()).isEqualTo(200);
        assertThat(diskReport.classification().accuracy()).isEqualTo(memoryReport.classification().accuracy());
    }

    @Test
    @Tag("slow")
    void anAugmentedRunRepeatsWithTheSameSeedAndResumesAsTheOriginalWouldHaveContinued(@TempDir Path checkpoints) {
        PreparedInputs inputs = mnistPng(ImageOptions.defaults().withAugmentation(new Augmentation(false, 10, 0.1, 0.1)));

        TrainingResult first = train(inputs, CONFIG, null);
        TrainingResult second = train(inputs, CONFIG, null);
        TrainingResult otherSeed = train(inputs, CONFIG.withSeed(7), null);
        assertThat(metrics(second.history())).isEqualTo(metrics(first.history()));
        assertThat(metrics(otherSeed.history())).isNotEqualTo(metrics(first.history()));

        TrainingSession interrupted = TrainingSession.create(new Dl4jGraphBackend(), MLP, CONFIG, inputs.train(),
                inputs.validation(), checkpoints);
        interrupted.addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                if (event.epoch() == 1) {
                    interrupted.stop();
                }
            }
        });
        assertThat(interrupted.run().state()).isEqualTo(SessionState.STOPPED);
        TrainingResult resumed = TrainingSession.resume(new Dl4jGraphBackend(), checkpoints, inputs.train(),
                inputs.validation()).run();

        assertThat(resumed.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(metrics(resumed.history())).isEqualTo(metrics(first.history()));
    }

    @Test
    void anImageThatCannotBeReadWhileStreamingFailsTheRunNamingTheFile(@TempDir Path folder) throws IOException {
        ImageFolderImporterTest.writeImages(folder.resolve("a"), 20, "png");
        ImageFolderImporterTest.writeImages(folder.resolve("b"), 20, "png");
        PreparedInputs inputs = ImageDatasets.fromFolder(folder, ImageOptions.defaults().withSplit(0, 0, 1)
                .withStorage(ImageOptions.Storage.STREAM));
        Files.writeString(folder.resolve("b").resolve("image-3.png"), "overwritten by something else");
        NetworkDescription small = Templates.mlpClassifier(4 * 6, 2);

        assertThatThrownBy(() -> TrainingSession.create(new Dl4jGraphBackend(), small, CONFIG, inputs.train(),
                inputs.validation(), null).run())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("image-3.png");
    }

    /** What a run reports per epoch, without the timings. */
    private static List<List<Double>> metrics(List<EpochEvent> history) {
        return history.stream().map(e -> List.of(e.trainLoss(), e.trainAccuracy(), e.validationLoss(),
                e.validationAccuracy())).toList();
    }
}
