package io.neuralworkbench.app.gui.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.image.ImageDatasetSummary;
import io.neuralworkbench.engine.data.image.ImageDatasets;
import io.neuralworkbench.engine.data.image.ImageFolderImporter;
import io.neuralworkbench.engine.data.image.ImageOptions;
import io.neuralworkbench.engine.data.image.IdxReader;

/**
 * Reads what the data view shows of an image set — class counts, a few thumbnails per class, the summary —
 * without holding the whole set in memory: an image folder is scanned by file headers and only the thumbnails'
 * files are decoded; IDX files are compact bytes, from which only the thumbnails are made. Runs off the JavaFX
 * thread.
 */
final class ImageSetReader {
    /** Thumbnails shown per class: enough to see what a class looks like, few enough to load in a moment. */
    static final int THUMBNAILS_PER_CLASS = 8;
    /** Larger images are scaled down to this side, so a thumbnail stays a few KiB. */
    static final int THUMBNAIL_MAX_SIDE = 64;

    private final Path file;
    private final DataKind kind;
    private final List<String> classNames;
    private final List<Integer> classCounts;
    private final List<String> notes;
    /** Per class, the files of its thumbnails (image folders). */
    private final List<List<Path>> thumbnailFiles;
    /** The training images and labels (IDX files); thumbnails are cut from them. */
    private final IdxReader.IdxPair idxTrain;

    private ImageSetReader(Path file, DataKind kind, List<String> classNames, List<Integer> classCounts,
                           List<String> notes, List<List<Path>> thumbnailFiles, IdxReader.IdxPair idxTrain) {
        this.file = file;
        this.kind = kind;
        this.classNames = classNames;
        this.classCounts = classCounts;
        this.notes = notes;
        this.thumbnailFiles = thumbnailFiles;
        this.idxTrain = idxTrain;
    }

    /**
     * Scans an image folder (one sub-folder per class, optionally under train/ and test/) or MNIST IDX files
     * (their folder, or one of them).
     *
     * @throws UserInputException if the path holds neither, or its files are damaged
     */
    static ImageSetReader open(Path path) {
        DataKind kind = DataKind.detect(path, false);
        return switch (kind) {
            case IMAGE_FOLDER -> folder(path);
            case IDX -> idx(path);
            default -> throw new UserInputException(path + " is " + kind.description() + ", not images — open a"
                    + " folder with one sub-folder of images per class, or MNIST IDX files");
        };
    }

    private static ImageSetReader folder(Path folder) {
        ImageFolderImporter.ImageFolder scanned = ImageFolderImporter.scan(folder);
        int classes = scanned.classNames().size();
        int[] counts = new int[classes];
        List<List<Path>> thumbnailFiles = new ArrayList<>();
        IntStream.range(0, classes).forEach(c -> thumbnailFiles.add(new ArrayList<>()));
        for (List<ImageFolderImporter.LabelledFile> part : List.of(scanned.train(), scanned.test())) {
            for (ImageFolderImporter.LabelledFile labelled : part) {
                counts[labelled.classIndex()]++;
                List<Path> ofClass = thumbnailFiles.get(labelled.classIndex());
                if (ofClass.size() < THUMBNAILS_PER_CLASS) {
                    ofClass.add(labelled.file());
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (scanned.skippedNote() != null) {
            notes.add(scanned.skippedNote());
        }
        if (scanned.sizesDiffer()) {
            notes.add("The images are not all of one size; training resizes them to one size (the first image's, "
                    + scanned.firstHeight() + "×" + scanned.firstWidth() + ", unless you choose another).");
        }
        return new ImageSetReader(folder, DataKind.IMAGE_FOLDER, scanned.classNames(),
                IntStream.of(counts).boxed().toList(), notes, thumbnailFiles, null);
    }

    private static ImageSetReader idx(Path path) {
        ImageDatasets.IdxFiles files = idxFiles(path);
        IdxReader.IdxPair train = IdxReader.readPair(files.trainImages(), files.trainLabels());
        int[] counts = new int[train.labels().classCount()];
        IntStream.of(train.labels().labels()).forEach(label -> counts[label]++);
        if (files.hasTest()) {
            for (int label : IdxReader.readLabels(files.testLabels()).labels()) {
                if (label < counts.length) {
                    counts[label]++;
                }
            }
        }
        List<String> classNames = IntStream.range(0, counts.length).mapToObj(Integer::toString).toList();
        return new ImageSetReader(path, DataKind.IDX, classNames, IntStream.of(counts).boxed().toList(), List.of(),
                List.of(), train);
    }

    /** The IDX files of a folder, or of the folder holding the given IDX file. */
    private static ImageDatasets.IdxFiles idxFiles(Path path) {
        Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        return ImageDatasets.findIdxFiles(folder).orElseThrow(() -> new UserInputException(folder
                + " lacks MNIST's training files — it needs train-images-idx3-ubyte[.gz] and"
                + " train-labels-idx1-ubyte[.gz] side by side"));
    }

    /** The classes and counts, without thumbnails or summary yet. */
    ImageSetSnapshot firstSnapshot() {
        return new ImageSetSnapshot(file, kind, classNames, classCounts, List.of(), null, notes);
    }

    /** The thumbnails of class {@code classIndex}. */
    List<Thumbnail> thumbnails(int classIndex, BooleanSupplier cancelled) {
        List<Thumbnail> thumbnails = new ArrayList<>();
        if (idxTrain != null) {
            IdxReader.IdxImages images = idxTrain.images();
            int[] labels = idxTrain.labels().labels();
            for (int i = 0; i < labels.length && thumbnails.size() < THUMBNAILS_PER_CLASS; i++) {
                if (labels[i] == classIndex) {
                    thumbnails.add(gray(images, i));
                }
            }
            return thumbnails;
        }
        for (Path image : thumbnailFiles.get(classIndex)) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            Thumbnail thumbnail = read(image);
            if (thumbnail != null) {
                thumbnails.add(thumbnail);
            }
        }
        return thumbnails;
    }

    private static Thumbnail gray(IdxReader.IdxImages images, int sample) {
        int pixels = images.pixelsPerImage();
        int[] argb = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            int level = Byte.toUnsignedInt(images.pixels()[sample * pixels + p]);
            argb[p] = 0xFF000000 | level << 16 | level << 8 | level;
        }
        return new Thumbnail(images.columns(), images.rows(), argb);
    }

    /** A scaled-down copy of an image file, or null when it cannot be decoded (the scan already warned). */
    private static Thumbnail read(Path image) {
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(image.toFile());
        } catch (IOException e) {
            return null;
        }
        if (decoded == null) {
            return null;
        }
        double scale = Math.min(1.0, (double) THUMBNAIL_MAX_SIDE / Math.max(decoded.getWidth(), decoded.getHeight()));
        int width = Math.max(1, (int) Math.round(decoded.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(decoded.getHeight() * scale));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = small.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(decoded, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return new Thumbnail(width, height, small.getRGB(0, 0, width, height, null, 0, width));
    }

    /**
     * The summary of the set under {@code options}: input shape, samples per class in each split and the
     * memory training takes. The set is prepared as a stream (labels only, or IDX bytes) whatever the options
     * say, so looking at a large set never loads it; the memory figures then say what training will do.
     */
    static ImageDatasetSummary summarize(Path path, ImageOptions options, int batchSize) {
        ImageOptions streamed = options.withStorage(ImageOptions.Storage.STREAM);
        PreparedInputs inputs = switch (DataKind.detect(path, false)) {
            case IDX -> {
                ImageDatasets.IdxFiles files = idxFiles(path);
                yield ImageDatasets.fromIdx(files.trainImages(), files.trainLabels(), files.testImages(),
                        files.testLabels(), streamed);
            }
            default -> ImageDatasets.fromFolder(path, streamed);
        };
        return asTrainingHoldsIt(ImageDatasetSummary.of(inputs, batchSize), options);
    }

    /**
     * The summary as training will hold the set: in memory when asked, or when its rows fit the memory budget
     * (the rule {@link ImageDatasets} applies, leaving out its small per-row overhead), else streamed.
     */
    static ImageDatasetSummary asTrainingHoldsIt(ImageDatasetSummary streamed, ImageOptions options) {
        long budget = options.memoryBudgetBytes() > 0 ? options.memoryBudgetBytes()
                : Runtime.getRuntime().maxMemory() / 4;
        boolean inMemory = options.storage() == ImageOptions.Storage.IN_MEMORY
                || (options.storage() == ImageOptions.Storage.AUTO && streamed.bytesAsRows() <= budget);
        if (!inMemory) {
            return streamed;
        }
        return new ImageDatasetSummary(streamed.inputShape(), streamed.classNames(), streamed.trainCounts(),
                streamed.validationCounts(), streamed.testCounts(), false, streamed.bytesAsRows(), 0,
                streamed.bytesAsRows());
    }
}
