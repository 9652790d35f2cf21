package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.bundle.Predictions;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.image.ImagePreprocessing;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code workbench predict}: a bundle's predictions for table rows, texts or image files, written as CSV. */
@Command(name = "predict",
        mixinStandardHelpOptions = true,
        description = {"Predict with a model bundle: every row of a CSV/TSV file (the target column may be absent),",
            "every line of a plain text file (text models), or every image in a folder or an image file (image models).",
            "Writes: the line or file, the predicted value, and for classification each class's probability."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "A model bundle written by 'workbench train'.")
    Path bundleFile;

    @Option(names = "--data", paramLabel = "PATH", required = true,
            description = "A CSV/TSV file, a text file with one text per line, an image file, or a folder of images "
                    + "(searched through its sub-folders).")
    Path data;

    @Option(names = "--out", paramLabel = "PREDICTIONS.csv", required = true, description = "Where to write the predictions.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(data)) {
            throw new UserInputException(data + " does not exist — check the path given to --data.");
        }
        try (ModelBundle bundle = ModelBundle.read(bundleFile)) {
            Predictions predictions = predict(bundle);
            predictions.writeCsv(out);
            spec.commandLine().getOut().println(predictions.size() + " predictions written to " + out.toAbsolutePath());
        }
        return ExitCode.OK;
    }

    private Predictions predict(ModelBundle bundle) throws IOException {
        if (bundle.preprocessing() instanceof ImagePreprocessing) {
            List<Path> images = imagesAt(data);
            return bundle.predictImages(images, images.stream().map(this::nameOf).toList());
        }
        if (bundle.preprocessing() instanceof TextPreprocessing && !isTable(data)) {
            return bundle.predictTexts(Files.readAllLines(data, StandardCharsets.UTF_8));
        }
        return bundle.predict(CsvImporter.read(data));
    }

    private static boolean isTable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv");
    }

    /** The image files at a path, a folder's sub-folders included, in a stable order. */
    private static List<Path> imagesAt(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            if (!DataKind.isImageFile(path)) {
                throw new UserInputException(path + " is not a PNG, JPEG or BMP image; this model predicts images — "
                        + "give an image or a folder of images.");
            }
            return List.of(path);
        }
        List<Path> images;
        try (Stream<Path> files = Files.walk(path)) {
            images = files.filter(Files::isRegularFile).filter(DataKind::isImageFile).sorted().toList();
        }
        if (images.isEmpty()) {
            throw new UserInputException(path + " holds no PNG, JPEG or BMP images — give a folder of images.");
        }
        return images;
    }

    private String nameOf(Path image) {
        return Files.isDirectory(data) ? data.relativize(image).toString() : image.getFileName().toString();
    }
}
