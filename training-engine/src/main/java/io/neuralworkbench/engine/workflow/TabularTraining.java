package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.DataPreparer;
import io.neuralworkbench.engine.data.PreparedData;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.training.TrainingBackend;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.training.TrainingResult;
import io.neuralworkbench.engine.training.TrainingSession;

import java.nio.file.Path;
import java.util.List;

/**
 * Training on a CSV file from start to bundle: import and prepare the table (fit on the training split),
 * then the steps every kind of data shares ({@link ModelTraining}).
 */
public final class TabularTraining {
    private final PreparedData data;
    private final ModelTraining training;

    private TabularTraining(PreparedData data, ModelTraining training) {
        this.data = data;
        this.training = training;
    }

    /**
     * Reads and prepares the data and sizes the network to it.
     *
     * @param network the network to train, or null for the MLP template that suits the task
     * @throws UserInputException for bad data, options, or a network that cannot take this data
     */
    public static TabularTraining prepare(Path csvFile, PreprocessingSpec spec, NetworkDescription network,
                                          TrainingConfig config, TrainingBackend backend) {
        config.check();
        RawTable table = CsvImporter.read(csvFile);
        PreparedData data = DataPreparer.prepare(table, spec);
        return new TabularTraining(data, ModelTraining.prepare(inputsOf(table, data), network, config, backend));
    }

    /** The prepared table in the form every kind of data shares. */
    public static PreparedInputs inputsOf(RawTable table, PreparedData data) {
        return new PreparedInputs(data.preprocessing(), data.train(), data.validation(), data.test(),
                table.fileName(), table.sha256(), data.notes());
    }

    public PreparedData data() {
        return data;
    }

    /** The steps shared with other kinds of data. */
    public ModelTraining training() {
        return training;
    }

    public NetworkDescription network() {
        return training.network();
    }

    public TrainingConfig config() {
        return training.config();
    }

    /** What trains the network. */
    public TrainingBackend backend() {
        return training.backend();
    }

    /** What was left out, resized or warned about while preparing, one sentence each. */
    public List<String> notes() {
        return training.notes();
    }

    /** A session on the training split, validated on the validation split; not yet started. */
    public TrainingSession newSession(Path checkpointDirectory) {
        return training.newSession(checkpointDirectory);
    }

    /** Continues the run checkpointed in {@code checkpointDirectory}; see {@link ModelTraining#resumeSession}. */
    public TrainingSession resumeSession(Path checkpointDirectory) {
        return training.resumeSession(checkpointDirectory);
    }

    /** Evaluates the trained model on the test split and packs everything into a bundle. */
    public ModelBundle bundle(TrainingResult result) {
        return training.bundle(result);
    }
}
