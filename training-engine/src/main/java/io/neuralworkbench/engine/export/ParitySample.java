package io.neuralworkbench.engine.export;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.SampleSource;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.network.Shape;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The network inputs a parity check predicts with the model in memory and with the model read back from the
 * written file. Best is the run's own test split; a bundle opened from disk no longer has it, so rows of a
 * data file the user names, or else generated inputs of the network's shape, stand in.
 *
 * @param inputs      preprocessed inputs (targets are not used)
 * @param description what the inputs are, for messages: "the test split (30 samples)"
 */
public record ParitySample(ArrayDataset inputs, String description) {
    /** More samples only make the check slower: a file that loses weights differs on every sample. */
    public static final int MAX_SAMPLES = 10_000;
    /** How many generated inputs stand in for a test split. */
    public static final int PROBE_SAMPLES = 64;

    /**
     * For a bundle opened from disk, whose test split is gone: the rows of {@code dataFile} (a CSV/TSV file) when
     * one is given, else generated inputs seeded with the bundle's training seed.
     */
    public static ParitySample forBundle(ModelBundle bundle, Path dataFile) {
        if (dataFile != null) {
            return rows(bundle.preprocessing(), CsvImporter.read(dataFile));
        }
        return probe(bundle.preprocessing(), bundle.provenance() == null ? 0 : bundle.provenance().seed());
    }

    /** The first {@link #MAX_SAMPLES} samples of a run's test split. */
    public static ParitySample testSplit(SampleSource test) {
        if (test.size() == 0) {
            throw new IllegalArgumentException("the test split is empty");
        }
        int count = Math.min(test.size(), MAX_SAMPLES);
        return new ParitySample(test.read(IntStream.range(0, count).toArray()),
                "the test split (" + count + (count < test.size() ? " of " + test.size() : "") + " samples)");
    }

    /**
     * Rows of a table (a test file) through the bundle's preprocessing: feature columns of a tabular model, the
     * text column of a text model.
     *
     * @throws UserInputException if the model was trained on images, or the table lacks the model's columns
     */
    public static ParitySample rows(InputPreprocessing preprocessing, RawTable table) {
        if (table.rowCount() == 0) {
            throw new UserInputException(table.fileName() + " has no rows to check the export with; give a file"
                    + " with data rows.");
        }
        RawTable rows = table.rowCount() > MAX_SAMPLES ? table.rows(IntStream.range(0, MAX_SAMPLES).toArray()) : table;
        String description = rows.rowCount() + " rows of " + table.fileName();
        if (preprocessing instanceof FittedPreprocessing tabular) {
            float[][] features = tabular.transformFeatures(rows);
            return new ParitySample(new ArrayDataset(features, new float[features.length][0], List.of()), description);
        }
        if (preprocessing instanceof TextPreprocessing text) {
            int column = rows.columnIndex(text.textColumn());
            List<String> texts = new ArrayList<>(rows.rowCount());
            for (int row = 0; row < rows.rowCount(); row++) {
                texts.add(rows.cell(row, column));
            }
            return new ParitySample(text.encodeTexts(texts), description);
        }
        throw new UserInputException("This model was trained on " + preprocessing.inputShape().describe()
                + " inputs, so rows of a table cannot check it; leave out the data file to check it on generated"
                + " inputs.");
    }

    /**
     * Generated inputs of the network's input shape, the same for the same seed: token indices within the
     * vocabulary for a text model, values in [0, 1] for images, standard-normal values otherwise (the range
     * scaled features have).
     */
    public static ParitySample probe(InputPreprocessing preprocessing, long seed) {
        Random random = new Random(seed);
        int width = preprocessing.featureCount();
        float[][] features = new float[PROBE_SAMPLES][width];
        Shape shape = preprocessing.inputShape();
        var vocabulary = preprocessing.tokenVocabularySize();
        for (float[] row : features) {
            for (int k = 0; k < width; k++) {
                if (vocabulary.isPresent()) {
                    row[k] = random.nextInt(vocabulary.getAsInt());
                } else if (shape instanceof Shape.Image) {
                    row[k] = random.nextFloat();
                } else {
                    row[k] = (float) random.nextGaussian();
                }
            }
        }
        return new ParitySample(new ArrayDataset(features, new float[PROBE_SAMPLES][0], List.of()),
                PROBE_SAMPLES + " generated inputs of the network's input shape (no test split at hand)");
    }
}
