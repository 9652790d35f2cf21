package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.SampleSource;
import io.neuralworkbench.engine.data.SplitFractions;
import io.neuralworkbench.engine.data.Splitter;

import io.neuralworkbench.engine.network.Shape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Image datasets from the user's files — MNIST-style IDX files or a folder of class folders — imported, split
 * (stratified, seeded), with the pixel scaling fitted on the training split, optionally augmented, and held in
 * memory or streamed batch by batch as {@link ImageOptions} decide.
 */
public final class ImageDatasets {
    private static final double MEBIBYTE = 1024.0 * 1024.0;
    /** Array headers and references per row of a float[][] (two rows per sample: features and targets). */
    private static final long ROW_OVERHEAD_BYTES = 2 * (16 + 8);

    private ImageDatasets() {
    }

    /** The four files of an MNIST-style set; the test pair may be absent (both null). */
    public record IdxFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {
        public boolean hasTest() {
            return testImages != null;
        }
    }

    /**
     * Looks for MNIST's standard file names in a folder: {@code train-images-idx3-ubyte}, {@code
     * train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each plain or
     * {@code .gz} (a dot instead of the dash before {@code idx} is accepted too). Empty unless the training pair
     * is there; the test pair is used only if both of its files are.
     */
    public static Optional<IdxFiles> findIdxFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        Path trainImages = find(directory, "train", "images", 3);
        Path trainLabels = find(directory, "train", "labels", 1);
        if (trainImages == null || trainLabels == null) {
            return Optional.empty();
        }
        Path testImages = find(directory, "t10k", "images", 3);
        Path testLabels = find(directory, "t10k", "labels", 1);
        boolean test = testImages != null && testLabels != null;
        return Optional.of(new IdxFiles(trainImages, trainLabels, test ? testImages : null, test ? testLabels : null));
    }

    private static Path find(Path directory, String split, String kind, int dimensions) {
        Pattern name = Pattern.compile(split + "-" + kind + "[-.]idx" + dimensions + "-ubyte(\\.gz)?",
                Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).filter(f -> name.matcher(f.getFileName().toString()).matches())
                    .sorted().findFirst().orElse(null);
        } catch (IOException e) {
            throw new UserInputException("Could not list " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The MNIST-style files in a folder (see {@link #findIdxFiles}).
     *
     * @throws UserInputException if the folder lacks the training pair, or a file is not a valid IDX file
     */
    public static PreparedInputs fromIdxDirectory(Path directory, ImageOptions options) {
        IdxFiles files = findIdxFiles(directory).orElseThrow(() -> new UserInputException(directory
                + " holds no MNIST-style files — it needs train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz]"
                + " (and optionally t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz])"));
        return fromIdx(files.trainImages(), files.trainLabels(), files.testImages(), files.testLabels(), options);
    }

    /**
     * Grayscale images and labels from IDX files; the classes are the labels 0 … largest training label.
     * Without a test pair, a test split is held out of the training files.
     *
     * @param testImages may be null, with {@code testLabels}
     * @param testLabels may be null, with {@code testImages}
     * @throws UserInputException for a damaged or mismatched file, a test label the training labels do not
     *                            have, or test images of another size
     */
    public static PreparedInputs fromIdx(Path trainImages, Path trainLabels, Path testImages, Path testLabels,
                                         ImageOptions options) {
        if ((testImages == null) != (testLabels == null)) {
            throw new UserInputException("Give both the test images and the test labels file, or neither.");
        }
        IdxReader.IdxPair train = IdxReader.readPair(trainImages, trainLabels);
        IdxReader.IdxPair test = testImages == null ? null : IdxReader.readPair(testImages, testLabels);
        int classCount = train.labels().classCount();
        List<String> classNames = IntStream.range(0, classCount).mapToObj(Integer::toString).toList();
        List<String> fingerprintParts = new ArrayList<>(List.of(train.images().sha256(), train.labels().sha256()));
        if (test != null) {
            checkSameImageSize(train.images(), test.images());
            checkLabelsKnown(test.labels(), classCount);
            fingerprintParts.add(test.images().sha256());
            fingerprintParts.add(test.labels().sha256());
        }
        int sourceHeight = train.images().rows();
        int sourceWidth = train.images().columns();
        String sourceName = trainImages.toAbsolutePath().getParent().getFileName() + "/"
                + trainImages.getFileName();
        String fingerprint = IdxReader.sha256(String.join("\n", fingerprintParts).getBytes(StandardCharsets.UTF_8));
        return assemble(idxPool(train), test == null ? null : idxPool(test), classNames, sourceHeight, sourceWidth,
                options, sourceName, fingerprint, new ArrayList<>());
    }

    private static void checkSameImageSize(IdxReader.IdxImages train, IdxReader.IdxImages test) {
        if (train.rows() != test.rows() || train.columns() != test.columns()) {
            throw new UserInputException(test.file().getFileName() + " holds " + test.rows() + "×" + test.columns()
                    + " images but " + train.file().getFileName() + " holds " + train.rows() + "×" + train.columns()
                    + " — use test files of the same dataset as the training files");
        }
    }

    private static void checkLabelsKnown(IdxReader.IdxLabels labels, int classCount) {
        for (int i = 0; i < labels.count(); i++) {
            if (labels.labels()[i] >= classCount) {
                throw new UserInputException(labels.file().getFileName() + " has the label " + labels.labels()[i]
                        + " at position " + i + ", but the training labels only go up to " + (classCount - 1)
                        + " — use test files of the same dataset as the training files");
            }
        }
    }

    private static Pool idxPool(IdxReader.IdxPair pair) {
        IdxReader.IdxImages images = pair.images();
        int pixels = images.pixelsPerImage();
        return new Pool(pair.labels().labels(), (preprocessing, sample) -> preprocessing.transformGray(
                images.pixels(), sample * pixels, images.rows(), images.columns()), images.pixels().length);
    }

    /**
     * A folder of class folders, optionally inside {@code train/} and {@code test/}; see
     * {@link ImageFolderImporter}. Without a test folder, a test split is held out.
     *
     * @throws UserInputException if the folder has no class folders or a class folder holds no image
     */
    public static PreparedInputs fromFolder(Path folder, ImageOptions options) {
        ImageFolderImporter.ImageFolder scanned = ImageFolderImporter.scan(folder);
        List<String> notes = new ArrayList<>();
        if (scanned.skippedNote() != null) {
            notes.add(scanned.skippedNote());
        }
        if (scanned.sizesDiffer()) {
            int height = options.height() > 0 ? options.height() : scanned.firstHeight();
            int width = options.width() > 0 ? options.width() : scanned.firstWidth();
            notes.add("The images are not all of one size; all were resized to " + height + "×" + width + ".");
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return assemble(folderPool(scanned.train()), scanned.hasTestFolder() ? folderPool(scanned.test()) : null,
                scanned.classNames(), scanned.firstHeight(), scanned.firstWidth(), options,
                name == null ? folder.toString() : name.toString(), scanned.sha256(), notes);
    }

    private static Pool folderPool(List<ImageFolderImporter.LabelledFile> files) {
        int[] labels = files.stream().mapToInt(ImageFolderImporter.LabelledFile::classIndex).toArray();
        return new Pool(labels, (preprocessing, sample) -> preprocessing.transform(files.get(sample).file()), 0);
    }

    /** How sample {@code sample} of a pool becomes a feature row under a preprocessing. */
    @FunctionalInterface
    private interface RowReader {
        float[] row(ImagePreprocessing preprocessing, int sample);
    }

    /** Labelled samples before preprocessing; {@code bytesHeld} is what their reader keeps in memory. */
    private record Pool(int[] labels, RowReader reader, long bytesHeld) {
    }

    /** Some samples of a pool, e.g. its validation split. */
    private record Part(Pool pool, int[] samples) {
        int[] labels() {
            return IntStream.of(samples).map(s -> pool.labels()[s]).toArray();
        }

        float[] unitRow(ImagePreprocessing unitRange, int i) {
            return pool.reader().row(unitRange, samples[i]);
        }
    }

    private static PreparedInputs assemble(Pool pool, Pool testPool, List<String> classNames, int sourceHeight,
                                           int sourceWidth, ImageOptions options, String sourceName,
                                           String fingerprint, List<String> notes) {
        double test = testPool == null ? options.testFraction() : 0;
        int[][] split = Splitter.trainValidationTest(pool.labels(),
                new SplitFractions(1 - options.validationFraction() - test, options.validationFraction(), test),
                options.splitSeed());
        Part train = new Part(pool, split[0]);
        Part validation = new Part(pool, split[1]);
        Part testPart = testPool == null ? new Part(pool, split[2])
                : new Part(testPool, IntStream.range(0, testPool.labels().length).toArray());
        if (train.samples().length == 0) {
            throw new UserInputException(sourceName + " holds no training images — add images to its class folders");
        }
        int height = options.height() > 0 ? options.height() : sourceHeight;
        int width = options.width() > 0 ? options.width() : sourceWidth;
        ImagePreprocessing unitRange = ImagePreprocessing.unitRange(height, width, options.channels(), classNames);

        int samples = train.samples().length + validation.samples().length + testPart.samples().length;
        long rowBytes = 4L * (unitRange.featureCount() + classNames.size()) + ROW_OVERHEAD_BYTES;
        long estimate = samples * rowBytes;
        long budget = options.effectiveMemoryBudget();
        boolean inMemory = options.storage() == ImageOptions.Storage.IN_MEMORY
                || (options.storage() == ImageOptions.Storage.AUTO && estimate <= budget);

        SampleSource[] sources;
        ImagePreprocessing preprocessing;
        if (inMemory) {
            float[][][] rows = {unitRows(train, unitRange), unitRows(validation, unitRange), unitRows(testPart, unitRange)};
            preprocessing = unitRange;
            if (options.scaling() == PixelScaling.STANDARDIZE) {
                ChannelStatistics statistics = new ChannelStatistics(options.channels());
                Stream.of(rows[0]).forEach(statistics::add);
                preprocessing = statistics.fit(unitRange);
                for (float[][] part : rows) {
                    Stream.of(part).forEach(preprocessing::standardizeInPlace);
                }
            }
            Part[] parts = {train, validation, testPart};
            sources = new SampleSource[3];
            for (int p = 0; p < 3; p++) {
                sources[p] = new ArrayDataset(rows[p], oneHot(parts[p].labels(), classNames.size()), classNames);
            }
            notes.add(String.format(Locale.ROOT, "Holding the %d images in memory (%.1f MiB).", samples,
                    estimate / MEBIBYTE));
        } else {
            preprocessing = unitRange;
            if (options.scaling() == PixelScaling.STANDARDIZE) {
                ChannelStatistics statistics = new ChannelStatistics(options.channels());
                for (int i = 0; i < train.samples().length; i++) {
                    statistics.add(train.unitRow(unitRange, i));
                }
                preprocessing = statistics.fit(unitRange);
            }
            sources = new SampleSource[] {streamed(train, preprocessing), streamed(validation, preprocessing),
                    streamed(testPart, preprocessing)};
            notes.add(String.format(Locale.ROOT, "Streaming the %d images batch by batch: as rows in memory they would"
                    + " take %.1f MiB%s.", samples, estimate / MEBIBYTE, options.storage() == ImageOptions.Storage.STREAM
                    ? " (streaming was asked for)"
                    : String.format(Locale.ROOT, ", more than the memory budget of %.1f MiB", budget / MEBIBYTE)));
        }
        SampleSource trainSource = sources[0];
        if (options.augmentation().enabled()) {
            trainSource = new AugmentedSource(trainSource, options.augmentation(),
                    (Shape.Image) preprocessing.inputShape());
            notes.add("The training images are augmented in every epoch: " + options.augmentation().describe() + ".");
        }
        return new PreparedInputs(preprocessing, trainSource, sources[1], sources[2], sourceName, fingerprint, notes);
    }

    private static float[][] unitRows(Part part, ImagePreprocessing unitRange) {
        float[][] rows = new float[part.samples().length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = part.unitRow(unitRange, i);
        }
        return rows;
    }

    private static StreamedImageSource streamed(Part part, ImagePreprocessing preprocessing) {
        Pool pool = part.pool();
        long bytesHeld = pool.labels().length == 0 ? 0
                : pool.bytesHeld() * part.samples().length / pool.labels().length;
        return new StreamedImageSource(part.labels(), preprocessing.classNames(), preprocessing.featureCount(),
                i -> pool.reader().row(preprocessing, part.samples()[i]), bytesHeld);
    }

    private static float[][] oneHot(int[] labels, int classCount) {
        float[][] targets = new float[labels.length][classCount];
        for (int i = 0; i < labels.length; i++) {
            targets[i][labels[i]] = 1f;
        }
        return targets;
    }
}
