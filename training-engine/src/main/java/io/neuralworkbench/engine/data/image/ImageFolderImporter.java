package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.UserInputException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the labelled images of a folder with one sub-folder per class ({@code cats/*.jpg}, {@code dogs/*.jpg}),
 * or with {@code train/} and {@code test/} folders each holding such class folders. Files ImageIO cannot read
 * as an image (PNG, JPEG, BMP, GIF) are skipped and counted, not fatal; a class folder without any image is an
 * error. Only the files' headers are decoded here; the pixels are read when the set is loaded or streamed.
 */
public final class ImageFolderImporter {
    static final String TRAIN_FOLDER = "train";
    static final String TEST_FOLDER = "test";
    private static final int SKIPPED_NAMES_SHOWN = 3;

    private ImageFolderImporter() {
    }

    /** One image file and the class its folder names. */
    public record LabelledFile(Path file, int classIndex) {
    }

    /**
     * What a folder holds.
     *
     * @param classNames   the class folders' names, sorted
     * @param train        the images to train (and validate) on
     * @param test         the images of a {@code test/} folder; empty without one
     * @param hasTestFolder whether the folder has its own test split
     * @param skipped      files that are not readable images, relative to the folder
     * @param firstHeight  the height of the first training image, the default input size
     * @param firstWidth   likewise
     * @param sizesDiffer  whether the images are not all of one size
     * @param sha256       over every file's relative name, size and contents, in name order
     */
    public record ImageFolder(Path root, List<String> classNames, List<LabelledFile> train, List<LabelledFile> test,
                              boolean hasTestFolder, List<String> skipped, int firstHeight, int firstWidth,
                              boolean sizesDiffer, String sha256) {
        public ImageFolder {
            classNames = List.copyOf(classNames);
            train = List.copyOf(train);
            test = List.copyOf(test);
            skipped = List.copyOf(skipped);
        }

        /** A warning for the user about skipped files, or null if none were skipped. */
        public String skippedNote() {
            if (skipped.isEmpty()) {
                return null;
            }
            List<String> shown = skipped.subList(0, Math.min(SKIPPED_NAMES_SHOWN, skipped.size()));
            return "Warning: skipped " + skipped.size() + (skipped.size() == 1 ? " file" : " files")
                    + " that could not be read as an image (" + String.join(", ", shown)
                    + (skipped.size() > shown.size() ? ", …" : "") + ").";
        }
    }

    /**
     * @throws UserInputException if the folder does not exist, has no class folders, a class folder holds no
     *                            image, or {@code test/} has a class {@code train/} lacks
     */
    public static ImageFolder scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UserInputException(folder + " is not a folder — pass a folder with one sub-folder of images"
                    + " per class");
        }
        Path trainRoot = folder.resolve(TRAIN_FOLDER);
        Path testRoot = folder.resolve(TEST_FOLDER);
        boolean splitFolders = Files.isDirectory(trainRoot);
        Path classRoot = splitFolders ? trainRoot : folder;
        List<String> classNames = classFolders(classRoot).stream().map(p -> p.getFileName().toString()).toList();
        if (classNames.isEmpty()) {
            throw new UserInputException(classRoot + " has no class folders — put the images in one sub-folder per"
                    + " class (e.g. cats/1.png, dogs/2.png), optionally inside train/ and test/ folders");
        }
        Scan scan = new Scan(folder);
        List<LabelledFile> train = scan.classes(classRoot, classNames, true);
        boolean hasTest = splitFolders && Files.isDirectory(testRoot);
        List<LabelledFile> test = List.of();
        if (hasTest) {
            for (Path testClass : classFolders(testRoot)) {
                String name = testClass.getFileName().toString();
                if (!classNames.contains(name)) {
                    throw new UserInputException("The test class folder " + folder.relativize(testClass)
                            + " has no matching folder in " + TRAIN_FOLDER + "/ — the model can only learn classes it"
                            + " is trained on; add " + TRAIN_FOLDER + "/" + name + " or remove the test folder");
                }
            }
            test = scan.classes(testRoot, classNames, false);
        }
        return new ImageFolder(folder, classNames, train, test, hasTest, scan.skipped, scan.firstHeight,
                scan.firstWidth, scan.sizesDiffer, HexFormat.of().formatHex(scan.digest.digest()));
    }

    /** The visible sub-folders, sorted by name. */
    private static List<Path> classFolders(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UserInputException("Could not list " + root + ": " + e.getMessage(), e);
        }
    }

    /** Walks class folders, hashing every file and keeping those with a readable image header. */
    private static final class Scan {
        private final Path root;
        private final MessageDigest digest;
        private final List<String> skipped = new ArrayList<>();
        private int firstHeight;
        private int firstWidth;
        private boolean sizesDiffer;

        Scan(Path root) {
            this.root = root;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        List<LabelledFile> classes(Path classRoot, List<String> classNames, boolean everyClassPresent) {
            List<LabelledFile> files = new ArrayList<>();
            for (int c = 0; c < classNames.size(); c++) {
                Path classFolder = classRoot.resolve(classNames.get(c));
                if (!Files.isDirectory(classFolder)) {
                    if (everyClassPresent) {
                        throw new IllegalStateException("class folders were listed from " + classRoot);
                    }
                    continue;
                }
                int before = files.size();
                for (Path file : filesIn(classFolder)) {
                    if (readable(file)) {
                        files.add(new LabelledFile(file, c));
                    }
                }
                if (files.size() == before) {
                    throw new UserInputException("The class folder " + root.relativize(classFolder) + " holds no"
                            + " readable image — add PNG, JPEG or BMP images to it, or remove the folder");
                }
            }
            return files;
        }

        private List<Path> filesIn(Path classFolder) {
            try (Stream<Path> walk = Files.walk(classFolder)) {
                return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UserInputException("Could not list " + classFolder + ": " + e.getMessage(), e);
            }
        }

        private boolean readable(Path file) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                skipped.add(relative);
                return false;
            }
            digest.update(relative.getBytes(StandardCharsets.UTF_8));
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
            digest.update(bytes);
            int[] size = imageSize(bytes);
            if (size == null) {
                skipped.add(relative);
                return false;
            }
            if (firstHeight == 0) {
                firstHeight = size[0];
                firstWidth = size[1];
            } else if (size[0] != firstHeight || size[1] != firstWidth) {
                sizesDiffer = true;
            }
            return true;
        }
    }

    /** Height and width from the image's header, or null if no ImageIO reader recognises it. */
    private static int[] imageSize(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int height = reader.getHeight(0);
                int width = reader.getWidth(0);
                return height > 0 && width > 0 ? new int[] {height, width} : null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
