package io.neuralworkbench.engine.bundle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.data.image.ImagePreprocessing;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.eval.EvaluationReport;
import io.neuralworkbench.engine.eval.Evaluator;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.NetworkJson;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.EpochEvent;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.training.TrainingBackends;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.util.AtomicFiles;
import io.neuralworkbench.engine.util.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained model and everything needed to use it on raw data: the backend's model file, the fitted
 * preprocessing, label names and input schema (both inside the preprocessing), the network description,
 * training configuration and history, test metrics and provenance. One zip of readable JSON entries plus the
 * model, so an engineer can inspect it with any zip tool.
 */
public final class ModelBundle implements AutoCloseable {
    public static final int FORMAT_VERSION = 1;
    private static final int PREDICTION_CHUNK = 256;

    private static final String MANIFEST = "manifest.json";
    private static final String MODEL = "model.zip";
    private static final String NETWORK = "network.json";
    private static final String PREPROCESSING = "preprocessing.json";
    private static final String CONFIG = "training-config.json";
    private static final String METRICS = "metrics.json";
    private static final String PROVENANCE = "provenance.json";
    private static final String HISTORY = "history.json";
    private static final ObjectMapper JSON = Json.mapper();

    /** What identifies the format and the backend that can load the model. */
    public record Manifest(int formatVersion, String backendId, String appVersion) {
    }

    private final Manifest manifest;
    private final NetworkDescription network;
    private final TrainingConfig config;
    private final InputPreprocessing preprocessing;
    private final EvaluationReport testMetrics;
    private final Provenance provenance;
    private final List<EpochEvent> history;
    private final TrainableModel model;

    public ModelBundle(Manifest manifest, NetworkDescription network, TrainingConfig config,
                       InputPreprocessing preprocessing, EvaluationReport testMetrics, Provenance provenance,
                       List<EpochEvent> history, TrainableModel model) {
        this.manifest = manifest;
        this.network = network;
        this.config = config;
        this.preprocessing = preprocessing;
        this.testMetrics = testMetrics;
        this.provenance = provenance;
        this.history = List.copyOf(history);
        this.model = model;
    }

    public Manifest manifest() {
        return manifest;
    }

    public NetworkDescription network() {
        return network;
    }

    public TrainingConfig config() {
        return config;
    }

    public InputPreprocessing preprocessing() {
        return preprocessing;
    }

    public EvaluationReport testMetrics() {
        return testMetrics;
    }

    public Provenance provenance() {
        return provenance;
    }

    public List<EpochEvent> history() {
        return history;
    }

    public TrainableModel model() {
        return model;
    }

    /**
     * Predicts every row of a raw table (the target column may be absent), applying the fitted preprocessing:
     * feature columns for a tabular model, the text column for a text model.
     */
    public Predictions predict(RawTable table) {
        List<String> lines = new ArrayList<>(table.rowCount());
        for (int row = 0; row < table.rowCount(); row++) {
            lines.add(Integer.toString(table.lineNumber(row)));
        }
        if (preprocessing instanceof TextPreprocessing text) {
            int column = table.columnIndex(text.textColumn());
            List<String> texts = new ArrayList<>(table.rowCount());
            for (int row = 0; row < table.rowCount(); row++) {
                texts.add(table.cell(row, column));
            }
            return predictions("line", lines, outputsOf(text.encodeTexts(texts)));
        }
        return predictions("line", lines, model.predict(tabularPreprocessing().transformFeatures(table)));
    }

    /** Predicts texts one by one, e.g. the lines of a plain text file; needs a model trained on texts. */
    public Predictions predictTexts(List<String> texts) {
        if (!(preprocessing instanceof TextPreprocessing text)) {
            throw wrongKind("texts");
        }
        List<String> lines = new ArrayList<>(texts.size());
        for (int i = 1; i <= texts.size(); i++) {
            lines.add(Integer.toString(i));
        }
        return predictions("line", lines, outputsOf(text.encodeTexts(texts)));
    }

    /**
     * Predicts image files (resized and scaled as in training); needs a model trained on images.
     *
     * @param names how each file is named in the predictions, e.g. its path relative to the folder given
     */
    public Predictions predictImages(List<Path> files, List<String> names) {
        if (!(preprocessing instanceof ImagePreprocessing images)) {
            throw wrongKind("images");
        }
        float[][] outputs = new float[files.size()][];
        // A chunk at a time: a folder of images may not fit in memory once decoded.
        for (int start = 0; start < outputs.length; start += PREDICTION_CHUNK) {
            float[][] features = new float[Math.min(PREDICTION_CHUNK, outputs.length - start)][];
            for (int i = 0; i < features.length; i++) {
                features[i] = images.transform(files.get(start + i));
            }
            System.arraycopy(model.predict(features), 0, outputs, start, features.length);
        }
        return predictions("file", names, outputs);
    }

    private float[][] outputsOf(ArrayDataset inputs) {
        try (BackendData data = model.upload(inputs)) {
            return model.predict(data);
        }
    }

    private Predictions predictions(String idHeader, List<String> ids, float[][] outputs) {
        double[][] values = new double[outputs.length][];
        String[] labels = null;
        if (preprocessing.task() == TaskType.CLASSIFICATION) {
            labels = new String[outputs.length];
            for (int row = 0; row < outputs.length; row++) {
                labels[row] = preprocessing.classNames().get(ArrayDataset.argMax(outputs[row]));
                values[row] = toDoubles(outputs[row]);
            }
        } else {
            for (int row = 0; row < outputs.length; row++) {
                values[row] = new double[outputs[row].length];
                for (int k = 0; k < outputs[row].length; k++) {
                    values[row][k] = preprocessing.toTargetUnits(outputs[row][k]);
                }
            }
        }
        return new Predictions(preprocessing.task(), preprocessing.targetName(), preprocessing.classNames(), idHeader,
                ids, labels, values);
    }

    private UserInputException wrongKind(String given) {
        return new UserInputException("This model was trained on " + preprocessing.inputShape().describe()
                + " inputs, not on " + given + "; give it the kind of data it was trained on.");
    }

    /** Metrics on a labelled raw table, e.g. a separate test file (table rows, or texts with their labels). */
    public EvaluationReport evaluate(RawTable table) {
        ArrayDataset labelled = preprocessing instanceof TextPreprocessing text ? text.transform(table)
                : tabularPreprocessing().transform(table);
        return Evaluator.evaluate(model, labelled, preprocessing);
    }

    private FittedPreprocessing tabularPreprocessing() {
        if (preprocessing instanceof FittedPreprocessing tabular) {
            return tabular;
        }
        throw wrongKind("table rows");
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            result[k] = values[k];
        }
        return result;
    }

    /** Writes the bundle atomically: a reader never sees a half-written file. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                putJson(zip, MANIFEST, manifest);
                putBytes(zip, NETWORK, NetworkJson.toJson(network).getBytes(StandardCharsets.UTF_8));
                putJson(zip, PREPROCESSING, preprocessing);
                putJson(zip, CONFIG, config);
                putJson(zip, METRICS, testMetrics);
                putJson(zip, PROVENANCE, provenance);
                putJson(zip, HISTORY, history);
                zip.putNextEntry(new ZipEntry(MODEL));
                model.saveTo(zip);
                zip.closeEntry();
            }
        });
    }

    private static void putJson(ZipOutputStream zip, String name, Object value) throws IOException {
        putBytes(zip, name, JSON.writeValueAsBytes(value));
    }

    private static void putBytes(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Reads a bundle; anything that is not a complete bundle of a known version is a user error. */
    public static ModelBundle read(Path file) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException("The model bundle " + file + " does not exist.");
        } catch (ZipException e) {
            throw notABundle(file, "it is not a zip file");
        } catch (IOException e) {
            throw new UserInputException("Could not read the model bundle " + file + ": " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw notABundle(file, "it is not a zip file, or an empty one");
        }
        for (String required : List.of(MANIFEST, MODEL, NETWORK, PREPROCESSING, CONFIG)) {
            if (!entries.containsKey(required)) {
                throw notABundle(file, "it has no " + required);
            }
        }
        try {
            Manifest manifest = JSON.readValue(entries.get(MANIFEST), Manifest.class);
            if (manifest.formatVersion() > FORMAT_VERSION) {
                throw new UserInputException(file + " was written by a newer version of Neural Workbench (bundle format "
                        + manifest.formatVersion() + "); this version reads format " + FORMAT_VERSION + ".");
            }
            NetworkDescription network = NetworkJson.fromJson(new String(entries.get(NETWORK), StandardCharsets.UTF_8));
            TrainableModel model = loadModel(manifest.backendId(), entries.get(MODEL), network);
            return new ModelBundle(manifest, network,
                    JSON.readValue(entries.get(CONFIG), TrainingConfig.class),
                    JSON.readValue(entries.get(PREPROCESSING), InputPreprocessing.class),
                    optional(entries, METRICS, EvaluationReport.class),
                    optional(entries, PROVENANCE, Provenance.class),
                    entries.containsKey(HISTORY) ? JSON.readValue(entries.get(HISTORY), new TypeReference<>() { })
                            : List.of(),
                    model);
        } catch (IOException e) {
            throw notABundle(file, "an entry is damaged (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static <T> T optional(Map<String, byte[]> entries, String name, Class<T> type) throws IOException {
        return entries.containsKey(name) ? JSON.readValue(entries.get(name), type) : null;
    }

    private static TrainableModel loadModel(String backendId, byte[] modelBytes, NetworkDescription network)
            throws IOException {
        return TrainingBackends.byId(backendId).load(new ByteArrayInputStream(modelBytes), network);
    }

    private static UserInputException notABundle(Path file, String why) {
        return new UserInputException(file + " is not a Neural Workbench model bundle: " + why
                + ". Choose a .zip written by 'workbench train' or the Export view.");
    }

    @Override
    public void close() {
        model.close();
    }

}
