package io.neuralworkbench.app.gui.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.bundle.Provenance;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.DataPreparer;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.Split;
import io.neuralworkbench.engine.data.SplitFractions;
import io.neuralworkbench.engine.data.Splitter;
import io.neuralworkbench.engine.data.image.IdxReader;
import io.neuralworkbench.engine.data.image.ImageDatasets;
import io.neuralworkbench.engine.data.image.ImageFolderImporter;
import io.neuralworkbench.engine.data.image.ImagePreprocessing;
import io.neuralworkbench.engine.data.text.TextOptions;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.project.ProjectData;
import io.neuralworkbench.engine.training.SourceInference;

/**
 * Evaluates a model bundle on data the user points at, headless (runs in a background task). When the data is
 * what the model was trained on (the project's data file, or a file with the bundle's data hash), only its test
 * split is used, dealt again from the same seed; any other labelled data is used whole. MNIST-style folders
 * give their test files, image folders their {@code test/} folder.
 */
public final class ModelEvaluation {
    private static final int IMAGE_CHUNK = 256;

    private ModelEvaluation() {
    }

    /**
     * @param trainedOn the project's settings for the data the model was trained on, or null when unknown (a
     *                  bundle opened from a file)
     * @throws UserInputException if the data cannot be read, does not suit the model, or holds no labels
     */
    public static EvaluationResult evaluate(ModelBundle bundle, Path data, ProjectData trainedOn) {
        if (bundle.preprocessing() instanceof FittedPreprocessing table) {
            return onTable(bundle, table, data, trainedOn);
        }
        if (bundle.preprocessing() instanceof TextPreprocessing texts) {
            return onTexts(bundle, texts, data, trainedOn);
        }
        if (bundle.preprocessing() instanceof ImagePreprocessing images) {
            return onImages(bundle, images, data);
        }
        throw new UserInputException("This model takes " + bundle.preprocessing().inputShape().describe()
                + " inputs, which the Evaluate view cannot read yet.");
    }

    private static EvaluationResult onTable(ModelBundle bundle, FittedPreprocessing preprocessing, Path data,
                                            ProjectData trainedOn) {
        RawTable table = CsvImporter.read(data);
        requireColumn(table, preprocessing.targetColumn());
        List<String> notes = new ArrayList<>();
        int[] rows;
        String description;
        if (isTrainingData(bundle, table, data, trainedOn)) {
            PreprocessingSpec spec = sameFile(data, trainedOn) ? trainedOn.spec()
                    : PreprocessingSpec.forTarget(preprocessing.targetColumn()).withTask(preprocessing.task())
                    .withSplit(SplitFractions.DEFAULT, bundle.provenance().seed());
            rows = DataPreparer.prepare(table, spec).sourceRows(Split.TEST);
            description = "the test split of " + table.fileName() + " (" + rows.length + " rows)";
            noteSplitSize(bundle.provenance(), rows.length, notes);
        } else {
            rows = labelledRows(table, preprocessing.targetColumn(), notes);
            description = "all " + rows.length + " labelled rows of " + table.fileName();
        }
        RawTable selected = table.rows(rows);
        return onRows(bundle, selected, preprocessing.transform(selected), description, notes);
    }

    private static EvaluationResult onTexts(ModelBundle bundle, TextPreprocessing preprocessing, Path data,
                                            ProjectData trainedOn) {
        RawTable table = CsvImporter.read(data);
        requireColumn(table, preprocessing.textColumn());
        requireColumn(table, preprocessing.labelColumn());
        List<String> notes = new ArrayList<>();
        int[] labelled = labelledRows(table, preprocessing.labelColumn(), notes);
        int[] rows = labelled;
        String description = "all " + rows.length + " labelled texts of " + table.fileName();
        if (isTrainingData(bundle, table, data, trainedOn)) {
            // The same split TextDatasets dealt at training time: over the labelled rows, by class, seeded.
            TextOptions options = sameFile(data, trainedOn) && trainedOn.textOptions() != null ? trainedOn.textOptions()
                    : TextOptions.defaults().withSeed(bundle.provenance().seed());
            int label = table.columnIndex(preprocessing.labelColumn());
            int[] classOf = Arrays.stream(labelled)
                    .map(row -> preprocessing.classNames().indexOf(table.cell(row, label))).toArray();
            int[] test = Splitter.trainValidationTest(classOf, options.split(), options.seed())[2];
            rows = Arrays.stream(test).map(i -> labelled[i]).toArray();
            description = "the test split of " + table.fileName() + " (" + rows.length + " texts)";
            noteSplitSize(bundle.provenance(), rows.length, notes);
        }
        RawTable selected = table.rows(rows);
        return onRows(bundle, selected, preprocessing.transform(selected), description, notes);
    }

    private static EvaluationResult onRows(ModelBundle bundle, RawTable rows, ArrayDataset labelled,
                                           String description, List<String> notes) {
        float[][] outputs = predict(bundle, labelled);
        List<String> ids = new ArrayList<>(rows.rowCount());
        List<String> texts = new ArrayList<>(rows.rowCount());
        int textColumn = bundle.preprocessing() instanceof TextPreprocessing text
                ? rows.columnIndex(text.textColumn()) : -1;
        for (int row = 0; row < rows.rowCount(); row++) {
            ids.add("line " + rows.lineNumber(row));
            texts.add(textColumn >= 0 ? rows.cell(row, textColumn) : describeRow(rows, row));
        }
        return EvaluationResult.of(description, bundle.preprocessing(), outputs, labelled.targets(), ids, texts,
                null, notes);
    }

    private static String describeRow(RawTable table, int row) {
        List<String> cells = new ArrayList<>(table.columnCount());
        for (int column = 0; column < table.columnCount(); column++) {
            String cell = table.cell(row, column);
            cells.add(table.columnNames().get(column) + " " + (cell == null ? "(empty)" : cell));
        }
        return String.join(", ", cells);
    }

    private static EvaluationResult onImages(ModelBundle bundle, ImagePreprocessing preprocessing, Path data) {
        if (!Files.isDirectory(data)) {
            throw new UserInputException(data + " is not a folder — choose a folder of MNIST-style IDX files or a"
                    + " folder with one sub-folder of images per class");
        }
        List<String> notes = new ArrayList<>();
        var idx = ImageDatasets.findIdxFiles(data);
        if (idx.isPresent()) {
            IdxReader.IdxPair pair = idx.get().hasTest()
                    ? IdxReader.readPair(idx.get().testImages(), idx.get().testLabels())
                    : IdxReader.readPair(idx.get().trainImages(), idx.get().trainLabels());
            String description = (idx.get().hasTest() ? "the test images of " : "all training images of ")
                    + data.getFileName() + " (" + pair.labels().count() + ")";
            if (!idx.get().hasTest()) {
                notes.add("The folder has no t10k test files, so these are training images: the model may have "
                        + "learned them, and its scores here are too good.");
            }
            return onIdx(bundle, preprocessing, pair, description, notes);
        }
        ImageFolderImporter.ImageFolder folder = ImageFolderImporter.scan(data);
        List<ImageFolderImporter.LabelledFile> files = folder.hasTestFolder() ? folder.test() : folder.train();
        if (!folder.hasTestFolder()) {
            notes.add("The folder has no test/ folder, so every image in it is evaluated.");
        }
        String description = (folder.hasTestFolder() ? "the test/ images of " : "all images of ") + data.getFileName()
                + " (" + files.size() + ")";
        return onImageFiles(bundle, preprocessing, folder, files, description, notes);
    }

    private static EvaluationResult onIdx(ModelBundle bundle, ImagePreprocessing preprocessing,
                                          IdxReader.IdxPair pair, String description, List<String> notes) {
        int count = pair.labels().count();
        int pixels = pair.images().pixelsPerImage();
        int classCount = preprocessing.classNames().size();
        float[][] features = new float[count][];
        float[][] targets = new float[count][classCount];
        for (int i = 0; i < count; i++) {
            int label = pair.labels().labels()[i];
            if (label >= classCount) {
                throw new UserInputException(pair.labels().file().getFileName() + " has the label " + label
                        + ", but the model knows only the classes " + String.join(", ", preprocessing.classNames())
                        + " — evaluate it on data of the kind it was trained on");
            }
            features[i] = preprocessing.transformGray(pair.images().pixels(), i * pixels, pair.images().rows(),
                    pair.images().columns());
            targets[i][label] = 1f;
        }
        List<String> ids = IntStream.range(0, count).mapToObj(i -> "image " + (i + 1)).toList();
        return imagesResult(bundle, preprocessing, features, targets, ids, description, notes);
    }

    private static EvaluationResult onImageFiles(ModelBundle bundle, ImagePreprocessing preprocessing,
                                                 ImageFolderImporter.ImageFolder folder,
                                                 List<ImageFolderImporter.LabelledFile> files, String description,
                                                 List<String> notes) {
        int classCount = preprocessing.classNames().size();
        float[][] features = new float[files.size()][];
        float[][] targets = new float[files.size()][classCount];
        List<String> ids = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            String className = folder.classNames().get(files.get(i).classIndex());
            int label = preprocessing.classNames().indexOf(className);
            if (label < 0) {
                throw new UserInputException("The folder has the class \"" + className + "\", which the model does"
                        + " not know (it knows " + String.join(", ", preprocessing.classNames()) + ") — remove that"
                        + " folder or evaluate a model trained on these classes");
            }
            features[i] = preprocessing.transform(files.get(i).file());
            targets[i][label] = 1f;
            ids.add(folder.root().relativize(files.get(i).file()).toString());
        }
        return imagesResult(bundle, preprocessing, features, targets, ids, description, notes);
    }

    private static EvaluationResult imagesResult(ModelBundle bundle, ImagePreprocessing preprocessing,
                                                 float[][] features, float[][] targets, List<String> ids,
                                                 String description, List<String> notes) {
        float[][] outputs = new float[features.length][];
        // A chunk at a time, as ModelBundle.predictImages does: the backend copies each chunk into its own arrays.
        for (int start = 0; start < features.length; start += IMAGE_CHUNK) {
            float[][] chunk = Arrays.copyOfRange(features, start, Math.min(features.length, start + IMAGE_CHUNK));
            float[][] predicted;
            synchronized (bundle) {
                predicted = bundle.model().predict(chunk);
            }
            System.arraycopy(predicted, 0, outputs, start, chunk.length);
        }
        List<SampleImage> images = Arrays.stream(features).map(row -> SampleImage.fromFeatures(row,
                preprocessing.height(), preprocessing.width(), preprocessing.channels())).toList();
        List<String> texts = ids.stream().map(id -> "").toList();
        return EvaluationResult.of(description, preprocessing, outputs, targets, ids, texts, images, notes);
    }

    /** The model is not thread-safe: one prediction at a time per bundle. */
    private static float[][] predict(ModelBundle bundle, ArrayDataset labelled) {
        synchronized (bundle) {
            return SourceInference.score(bundle.model(), labelled, false).outputs();
        }
    }

    private static boolean isTrainingData(ModelBundle bundle, RawTable table, Path data, ProjectData trainedOn) {
        if (sameFile(data, trainedOn)) {
            return true;
        }
        Provenance provenance = bundle.provenance();
        return provenance != null && table.sha256().equals(provenance.datasetSha256());
    }

    private static boolean sameFile(Path data, ProjectData trainedOn) {
        return trainedOn != null && trainedOn.file().equals(data.toAbsolutePath().normalize());
    }

    private static void noteSplitSize(Provenance provenance, int rows, List<String> notes) {
        if (provenance != null && provenance.testRows() != rows) {
            notes.add("The model was tested on " + provenance.testRows() + " samples at training time, this split"
                    + " has " + rows + ": the data or its split settings have changed since.");
        }
    }

    private static void requireColumn(RawTable table, String column) {
        if (!table.hasColumn(column)) {
            throw new UserInputException(table.fileName() + " has no column \"" + column + "\", which the model"
                    + " needs to be evaluated — choose labelled data with the columns it was trained on (columns: "
                    + String.join(", ", table.columnNames()) + ")");
        }
    }

    private static int[] labelledRows(RawTable table, String targetColumn, List<String> notes) {
        int target = table.columnIndex(targetColumn);
        int[] rows = IntStream.range(0, table.rowCount()).filter(row -> table.cell(row, target) != null).toArray();
        if (rows.length < table.rowCount()) {
            notes.add((table.rowCount() - rows.length) + " rows without a value in \"" + targetColumn
                    + "\" are left out: they cannot be scored.");
        }
        return rows;
    }
}
