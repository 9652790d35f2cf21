package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.network.WeightInit;
import io.neuralworkbench.engine.training.dl4j.Dl4jGraphBackend;
import io.neuralworkbench.engine.training.pytorch.PyTorchBackend;
import io.neuralworkbench.engine.workflow.TabularTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --backend auto}: the faster backend that can train the network, with the reason in one line. */
class AutoBackendTest {

    static Stream<Arguments> benchmarkedNetworks() {
        return Stream.of(
                Arguments.of(Templates.mlpClassifier(4, 3), "MLP"),
                Arguments.of(Templates.lenet(28, 28, 1, 10), "LeNet"),
                Arguments.of(Templates.textClassifier(50, 12, 2), "text classifier"),
                Arguments.of(Templates.lstmClassifier(3, 7, 4), "LSTM"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("benchmarkedNetworks")
    void choosesPyTorchForEveryBenchmarkedKindOfNetworkAndQuotesTheClosestBenchmark(NetworkDescription network,
                                                                                     String benchmark) {
        BackendChoice choice = TrainingBackends.auto(network);

        assertThat(choice.backend()).isInstanceOf(PyTorchBackend.class);
        assertThat(choice.reason()).startsWith("Backend auto chose pytorch:").contains("benchmark " + benchmark + " ")
                .doesNotContain("\n");
    }

    @Test
    void choosesDl4jWhenPyTorchLacksALayerAndNamesIt() {
        NetworkDescription reluLstm = NetworkDescription.builder("relu lstm")
                .then("input", Layer.Input.sequence(3, 7))
                .then("memory", new Layer.Lstm(8, Activation.RELU, false, WeightInit.XAVIER, null))
                .then("output", Layer.Output.classification(4))
                .build();

        BackendChoice choice = TrainingBackends.auto(reluLstm);

        assertThat(choice.backend()).isInstanceOf(Dl4jGraphBackend.class);
        assertThat(choice.reason()).startsWith("Backend auto chose dl4j:").contains("memory").contains("RELU");
    }

    @Test
    void aNamedBackendIsKeptAsItIs() {
        BackendChoice choice = TrainingBackends.resolve(TrainingBackends.forChoice("dl4j"), Templates.mlpClassifier(4, 3));

        assertThat(choice.backend()).isInstanceOf(Dl4jGraphBackend.class);
        assertThat(choice.reason()).isNull();
    }

    @Test
    void theWorkflowResolvesAutoOnceTheNetworkIsSizedAndNotesWhy() throws Exception {
        TabularTraining training = TabularTraining.prepare(Path.of("../shared/datasets/iris.csv"),
                PreprocessingSpec.forTarget("species"), null, TrainingConfig.defaults(), TrainingBackends.forChoice("auto"));

        assertThat(training.backend()).isInstanceOf(PyTorchBackend.class);
        assertThat(training.notes()).anyMatch(note -> note.startsWith("Backend auto chose pytorch:"));
    }

    @Test
    void aSessionOnAutoCheckpointsWithTheChosenBackendAndResumesOnAuto(@TempDir Path checkpoints) {
        TrainingConfig config = TrainingConfig.defaults().withEpochs(2).withBatchSize(16);
        TrainingSession first = TrainingSession.create(TrainingBackends.forChoice("auto"), SyntheticData.smallClassifier(),
                config, SyntheticData.blobs(60, 1), SyntheticData.blobs(30, 2), checkpoints);
        first.addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                first.stop();
            }
        });
        first.run().model().close();

        assertThat(Checkpoint.read(checkpoints).backendId()).isEqualTo(PyTorchBackend.ID);
        TrainingResult resumed = TrainingSession.resume(TrainingBackends.forChoice("auto"), checkpoints,
                SyntheticData.blobs(60, 1), SyntheticData.blobs(30, 2)).run();
        assertThat(resumed.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(resumed.history()).hasSize(2);
        resumed.model().close();
    }
}
