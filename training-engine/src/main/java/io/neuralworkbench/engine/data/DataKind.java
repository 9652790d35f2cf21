package io.neuralworkbench.engine.data;

import io.neuralworkbench.engine.UserInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kinds of data the workbench imports, and which one a path holds — so the CLI's {@code --data} and a
 * file dropped on the window need no "what is this?" question.
 */
public enum DataKind {
    /** A CSV/TSV table of features and a target column. */
    TABLE("a table (CSV/TSV)"),
    /** A CSV/TSV table whose text column is the input, with a label column. */
    TEXT_TABLE("texts with labels (CSV/TSV)"),
    /** MNIST's IDX format: an image file and a label file (optionally gzip-compressed). */
    IDX("MNIST IDX files"),
    /** A folder with one sub-folder of images per class, optionally under train/ and test/. */
    IMAGE_FOLDER("a folder of images, one sub-folder per class");

    private static final Pattern IDX_FILE = Pattern.compile(".*-idx[13]-ubyte(\\.gz)?", Pattern.CASE_INSENSITIVE);
    private static final List<String> IMAGE_SUFFIXES = List.of(".png", ".jpg", ".jpeg", ".bmp");

    private final String description;

    DataKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * What {@code path} holds.
     *
     * @param textColumnGiven whether the user named a text column (a table is then read as texts)
     * @throws UserInputException if the path does not exist, or is a folder holding neither IDX files nor
     *                            class folders of images
     */
    public static DataKind detect(Path path, boolean textColumnGiven) {
        if (!Files.exists(path)) {
            throw new UserInputException(path + " does not exist — check the path.");
        }
        if (Files.isDirectory(path)) {
            if (!idxFilesIn(path).isEmpty()) {
                return IDX;
            }
            if (holdsClassFolders(path)) {
                return IMAGE_FOLDER;
            }
            throw new UserInputException(path + " is a folder, but holds neither MNIST IDX files (*-idx3-ubyte[.gz]"
                    + " with *-idx1-ubyte[.gz]) nor one sub-folder of images per class (optionally under train/"
                    + " and test/) — point to a CSV/TSV file, an IDX folder, or an image folder.");
        }
        if (isIdxFile(path)) {
            return IDX;
        }
        return textColumnGiven ? TEXT_TABLE : TABLE;
    }

    public static boolean isIdxFile(Path path) {
        return IDX_FILE.matcher(path.getFileName().toString()).matches();
    }

    /** The IDX files directly in a folder, sorted by name. */
    public static List<Path> idxFilesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(DataKind::isIdxFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isImageFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static boolean holdsClassFolders(Path folder) {
        Path train = folder.resolve("train");
        Path root = Files.isDirectory(train) ? train : folder;
        try (Stream<Path> classes = Files.list(root)) {
            return classes.filter(Files::isDirectory).anyMatch(DataKind::holdsImages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holdsImages(Path classFolder) {
        try (Stream<Path> files = Files.list(classFolder)) {
            return files.anyMatch(file -> Files.isRegularFile(file) && isImageFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
