package io.neuralworkbench.engine.export;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.export.onnx.OnnxExport;
import io.neuralworkbench.engine.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Exports a model into a new folder, all or nothing: everything is written into a temporary folder beside the
 * target, the bundle written there is read back and must predict what the model in memory predicts
 * ({@link ParityCheck}), and only then is the temporary folder renamed to the target. A failure leaves no
 * partial export behind.
 */
public final class ModelExport {
    public static final String CARD_FILE = "model-card.html";
    /** Where the bundle is written for the parity check of a card export, which does not keep it. */
    private static final String CHECKED_BUNDLE = ".parity-check.zip";

    /**
     * What was exported.
     *
     * @param folder the folder written
     * @param files  the files in it, relative to it, sorted
     * @param parity what the parity check compared
     */
    public record Result(Path folder, List<Path> files, ParityCheck.Result parity) {
    }

    private ModelExport() {
    }

    /**
     * @param name     what the exported files are named after, e.g. "iris-model": the bundle becomes
     *                 {@code iris-model.zip}, the card's title and the Java project take the name
     * @param target   the folder to create; it may exist if it is empty
     * @param sample   the inputs the parity check predicts
     * @param progress told each step in a few words, e.g. for a task's message
     * @throws UserInputException      if the target is not an empty folder or cannot be written
     * @throws ParityMismatchException if the written bundle does not reproduce the model; nothing is exported
     */
    public static Result export(ModelBundle bundle, String name, ExportFormat format, Path target,
                                ParitySample sample, Consumer<String> progress) throws IOException {
        Path folder = target.toAbsolutePath().normalize();
        checkTarget(folder);
        Path staging = createStaging(folder);
        try {
            if (format == ExportFormat.ONNX) {
                OnnxExport.requireExportable(bundle.network());
            }
            boolean keepsBundle = format == ExportFormat.JAVA || format == ExportFormat.BUNDLE;
            String bundleFile = keepsBundle ? fileName(name) + ".zip" : CHECKED_BUNDLE;
            progress.accept("Writing the bundle");
            bundle.write(staging.resolve(bundleFile));
            progress.accept("Checking the written bundle on " + sample.description());
            ParityCheck.Result parity = ParityCheck.verify(bundle, staging.resolve(bundleFile), sample);
            switch (format) {
                case CARD -> {
                    Files.delete(staging.resolve(CHECKED_BUNDLE));
                    progress.accept("Writing the model card");
                    AtomicFiles.writeString(staging.resolve(CARD_FILE), ModelCard.html(bundle, name));
                }
                case JAVA -> {
                    progress.accept("Writing the Java example project");
                    JavaExample.write(staging, fileName(name) + "-predict", bundleFile, bundle.preprocessing());
                }
                case BUNDLE -> {
                    // The checked bundle is the export.
                }
                case ONNX -> {
                    Files.delete(staging.resolve(CHECKED_BUNDLE));
                    progress.accept("Writing the ONNX model");
                    OnnxExport.write(bundle, staging.resolve(fileName(name) + OnnxExport.EXTENSION));
                }
            }
            progress.accept("Moving the export into place");
            moveIntoPlace(staging, folder);
            return new Result(folder, listFiles(folder), parity);
        } finally {
            deleteRecursively(staging);
        }
    }

    /**
     * Saves the bundle as one file under a name of the user's choosing: written beside the target, read back and
     * checked, then renamed over the target, so the target is either the old file or the checked new one.
     *
     * @throws ParityMismatchException if the written bundle does not reproduce the model; the target is untouched
     */
    public static ParityCheck.Result saveBundle(ModelBundle bundle, Path file, ParitySample sample) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path staging = createStaging(target);
        try {
            Path written = staging.resolve(target.getFileName());
            bundle.write(written);
            ParityCheck.Result parity = ParityCheck.verify(bundle, written, sample);
            try {
                Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return parity;
        } finally {
            deleteRecursively(staging);
        }
    }

    /**
     * Writes the model card as one HTML file, after the same check as every export (the model must survive being
     * written and read back, or the card would describe a model nobody can load).
     */
    public static ParityCheck.Result saveCard(ModelBundle bundle, String name, Path file, ParitySample sample)
            throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path staging = createStaging(target);
        try {
            Path written = staging.resolve(CHECKED_BUNDLE);
            bundle.write(written);
            ParityCheck.Result parity = ParityCheck.verify(bundle, written, sample);
            AtomicFiles.writeString(target, ModelCard.html(bundle, name));
            return parity;
        } finally {
            deleteRecursively(staging);
        }
    }

    /**
     * Writes the model as one ONNX file and its preprocessing JSON beside it ({@link OnnxExport}), after the same
     * check as every export. A network with a layer ONNX cannot express is refused before anything is written.
     *
     * @throws UserInputException      naming the layers ONNX cannot express
     * @throws ParityMismatchException if the written bundle does not reproduce the model; nothing is written
     */
    public static OnnxResult saveOnnx(ModelBundle bundle, Path file, ParitySample sample) throws IOException {
        OnnxExport.requireExportable(bundle.network());
        Path target = file.toAbsolutePath().normalize();
        Path staging = createStaging(target);
        try {
            Path written = staging.resolve(CHECKED_BUNDLE);
            bundle.write(written);
            ParityCheck.Result parity = ParityCheck.verify(bundle, written, sample);
            return new OnnxResult(OnnxExport.write(bundle, target), parity);
        } finally {
            deleteRecursively(staging);
        }
    }

    /**
     * What an ONNX export wrote.
     *
     * @param files  the ONNX model and its preprocessing JSON
     * @param parity what the check of the model file compared
     */
    public record OnnxResult(OnnxExport.Result files, ParityCheck.Result parity) {
    }

    /** A name usable as a file name and a Maven artifact id: letters, digits, '.', '_' and '-'. */
    public static String fileName(String name) {
        String cleaned = name.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        return cleaned.isEmpty() ? "model" : cleaned;
    }

    private static void checkTarget(Path folder) throws IOException {
        if (Files.exists(folder)) {
            if (!Files.isDirectory(folder)) {
                throw new UserInputException(folder + " is a file; choose a new or empty folder for the export.");
            }
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new UserInputException(folder + " already has files in it; choose a new or empty folder"
                            + " for the export, so nothing of yours is overwritten.");
                }
            }
        }
    }

    private static Path createStaging(Path folder) {
        Path parent = folder.getParent();
        try {
            Files.createDirectories(parent);
            return Files.createDirectory(parent.resolve("." + folder.getFileName() + ".export-" + UUID.randomUUID()));
        } catch (AccessDeniedException e) {
            throw unwritable(parent, "permission denied");
        } catch (FileSystemException e) {
            throw unwritable(parent, e.getReason() != null ? e.getReason() : whyNoFolder(parent));
        } catch (IOException e) {
            throw unwritable(parent, e.getMessage());
        }
    }

    /** The usual reason a folder cannot be made: a file sits where a folder on its path should be. */
    private static String whyNoFolder(Path folder) {
        for (Path ancestor = folder; ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor)) {
                return Files.isDirectory(ancestor) ? "a folder cannot be made there"
                        : ancestor + " is a file, not a folder";
            }
        }
        return "a folder cannot be made there";
    }

    private static UserInputException unwritable(Path parent, String why) {
        return new UserInputException("Cannot write the export into " + parent + " (" + why + "); choose a folder"
                + " you can write to.");
    }

    private static void moveIntoPlace(Path staging, Path folder) throws IOException {
        // An empty target folder is replaced; checkTarget refused one with files.
        Files.deleteIfExists(folder);
        try {
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, folder);
        }
    }

    private static List<Path> listFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
