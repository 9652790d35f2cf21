package io.neuralworkbench.app.gui.design;

import io.neuralworkbench.designer.model.DatasetFacts;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.DataPreparer;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.project.ProjectData;
import io.neuralworkbench.engine.workflow.ProjectTraining;

/**
 * What a project's data asks of the network's ends, read the way training will read it (table, texts or
 * images), so the designer sizes the input and output exactly as the engine will.
 *
 * @param preprocessing the fitted preprocessing, or null when the data could not be read
 * @param problem       why the data could not be read, for the user; null when it was read
 */
record DatasetShape(InputPreprocessing preprocessing, String problem) {

    /** Reads and prepares the data; slow for big data, so for a background task. Never throws for bad data. */
    static DatasetShape read(ProjectData data) {
        try {
            InputPreprocessing preprocessing = data.kind() == DataKind.TABLE
                    ? DataPreparer.prepare(CsvImporter.read(data.file()), data.spec()).preprocessing()
                    : ProjectTraining.importInputs(data).preprocessing();
            return new DatasetShape(preprocessing, null);
        } catch (UserInputException | java.io.UncheckedIOException e) {
            return new DatasetShape(null, e.getMessage());
        }
    }

    boolean readable() {
        return preprocessing != null;
    }

    /** The facts the designer checks the network against. */
    DatasetFacts facts() {
        boolean classification = preprocessing.task() == TaskType.CLASSIFICATION;
        int targets = classification ? preprocessing.classNames().size() : 1;
        return new DatasetFacts(preprocessing.inputShape(), Math.max(1, targets), classification);
    }
}
