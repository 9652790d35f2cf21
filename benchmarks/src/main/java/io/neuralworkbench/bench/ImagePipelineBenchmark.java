package io.neuralworkbench.bench;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.SampleSource;
import io.neuralworkbench.engine.data.image.Augmentation;
import io.neuralworkbench.engine.data.image.ImageDatasets;
import io.neuralworkbench.engine.data.image.ImageOptions;
import io.neuralworkbench.engine.training.BatchPrefetcher;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * How fast the engine's image-folder pipeline feeds training, and how much heap it needs for a folder larger
 * than the heap. The pipeline is the engine's own: {@link ImageDatasets#fromFolder} with streaming storage
 * (a {@code StreamedImageSource}, augmented per epoch when asked) read batch by batch through the
 * {@link BatchPrefetcher} that training uses: read, decode, preprocess, batch. No network is trained, so the
 * figures are the most the pipeline can feed.
 */
public final class ImagePipelineBenchmark {
    private static final double MEBIBYTE = 1024.0 * 1024.0;
    private static final String USAGE = """
            Options (each with a value):
              --folder PATH        image folder for the speed runs (default ../shared/datasets/mnist-png, looked up
                                   from the project root or from benchmarks/)
              --rounds N           rounds per setting; images/s is the median (default 3)
              --epochs N           epochs timed per round, after one untimed epoch (default 10)
              --batch N            batch size (default 64)
              --heap-mb N          -Xmx of the child that streams the large folder (default 64)
              --large-images N     images in the generated large folder (default 1600)
              --large-side N       side of its square random RGB images (default 128)
            """;

    private ImagePipelineBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path folder = null;
        int rounds = 3;
        int epochs = 10;
        int batch = 64;
        int heapMiB = 64;
        int largeImages = 1600;
        int largeSide = 128;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("Option " + args[i] + " needs a value\n" + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--folder" -> folder = Path.of(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--epochs" -> epochs = Integer.parseInt(value);
                case "--batch" -> batch = Integer.parseInt(value);
                case "--heap-mb" -> heapMiB = Integer.parseInt(value);
                case "--large-images" -> largeImages = Integer.parseInt(value);
                case "--large-side" -> largeSide = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        folder = folder != null ? folder : Stream.of("../shared/datasets/mnist-png", "../../shared/datasets/mnist-png")
                .map(Path::of).filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("mnist-png not found; give --folder\n" + USAGE));
        folder = folder.toAbsolutePath().normalize();

        String loadBefore = TrainingBenchmark.loadAverage();
        System.out.printf(Locale.ROOT, "Machine: %d cores; load average (1/5/15 min) before %s.%n",
                Runtime.getRuntime().availableProcessors(), loadBefore);
        speedTable(folder, rounds, epochs, batch);
        largeFolderHeap(heapMiB, largeImages, largeSide, batch);
        System.out.printf(Locale.ROOT, "Load average after: %s.%n", TrainingBenchmark.loadAverage());
    }

    private static void speedTable(Path folder, int rounds, int epochs, int batch) {
        ImageOptions streamed = ImageOptions.defaults().withSplit(0, 0, 1).withStorage(ImageOptions.Storage.STREAM);
        List<Double> plain = new ArrayList<>();
        List<Double> augmented = new ArrayList<>();
        // Settings alternate within each round, so a slow spell of the shared machine hits both alike.
        for (int round = 0; round < rounds; round++) {
            plain.add(imagesPerSecond(ImageDatasets.fromFolder(folder, streamed), epochs, batch));
            augmented.add(imagesPerSecond(ImageDatasets.fromFolder(folder, streamed.withAugmentation(Augmentation.PHOTOS)),
                    epochs, batch));
        }
        double plainMedian = Report.median(plain);
        double augmentedMedian = Report.median(augmented);
        System.out.printf(Locale.ROOT, "%nImage-folder pipeline on %s (read + decode + preprocess + batch, streamed,"
                + " batch %d, %d epochs per round after one untimed, median of %d rounds):%n%n", folder, batch, epochs,
                rounds);
        System.out.println("| setting | images/s (median) | rounds |");
        System.out.println("| --- | ---: | --- |");
        System.out.printf(Locale.ROOT, "| no augmentation | %,.0f | %s |%n", plainMedian, rounded(plain));
        System.out.printf(Locale.ROOT, "| augmentation (%s) | %,.0f | %s |%n", Augmentation.PHOTOS.describe(),
                augmentedMedian, rounded(augmented));
        System.out.printf(Locale.ROOT, "%nAugmentation costs %.0f %% of the plain speed.%n",
                100 * (1 - augmentedMedian / plainMedian));
    }

    private static String rounded(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList());
    }

    /** Images per second over {@code epochs} timed epochs of the training split, after one untimed epoch. */
    static double imagesPerSecond(PreparedInputs inputs, int epochs, int batch) {
        SampleSource train = inputs.train();
        streamEpoch(train, 0, batch);
        long start = System.nanoTime();
        long images = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            images += streamEpoch(train, epoch, batch);
        }
        return images / ((System.nanoTime() - start) / 1e9);
    }

    /** Reads one epoch in shuffled batches as training does; returns the images read. */
    static long streamEpoch(SampleSource train, int epoch, int batch) {
        List<Integer> order = new ArrayList<>(train.size());
        for (int i = 0; i < train.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(epoch));
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += batch) {
            batches.add(order.subList(from, Math.min(order.size(), from + batch)).stream().mapToInt(i -> i).toArray());
        }
        long images = 0;
        double checksum = 0;
        try (BatchPrefetcher prefetcher = new BatchPrefetcher(train.forEpoch(42, epoch), batches)) {
            while (prefetcher.hasNext()) {
                ArrayDataset rows = prefetcher.next();
                images += rows.size();
                checksum += rows.features()[0][0];
            }
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("a batch held NaN pixels");
        }
        return images;
    }

    /**
     * Generates random RGB PNGs whose decoded pixels alone (3 bytes each) are more than the child's heap,
     * streams one epoch of them in a child JVM limited to {@code heapMiB}, and reports the child's peak heap.
     */
    private static void largeFolderHeap(int heapMiB, int images, int side, int batch)
            throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("image-pipeline-bench");
        try {
            long fileBytes = writeRandomImages(folder, images, side);
            long decodedBytes = (long) images * side * side * 3;
            long rowBytes = (long) images * side * side * 3 * 4;
            if (decodedBytes <= heapMiB * MEBIBYTE) {
                System.err.printf(Locale.ROOT, "Warning: the folder's decoded pixels (%.0f MiB) fit in the %d MiB"
                        + " heap; raise --large-images or --large-side.%n", decodedBytes / MEBIBYTE, heapMiB);
            }
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heapMiB + "m", "-cp", System.getProperty("java.class.path"),
                    ImageStreamChild.class.getName(), folder.toString(), String.valueOf(batch));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> output;
            try (BufferedReader reader = process.inputReader()) {
                output = reader.lines().toList();
            }
            int exitCode = process.waitFor();
            System.out.printf(Locale.ROOT, "%nStreaming a folder larger than the heap: %d random %d×%d RGB PNGs,"
                            + " %.0f MiB of files, %.0f MiB of decoded 8-bit pixels, %.0f MiB as float rows; one"
                            + " epoch, batch %d, in a child JVM with -Xmx%dm (exit code %d):%n%n", images, side, side,
                    fileBytes / MEBIBYTE, decodedBytes / MEBIBYTE, rowBytes / MEBIBYTE, batch, heapMiB, exitCode);
            output.forEach(line -> System.out.println("    " + line));
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Two class folders of random-noise PNGs (noise does not compress, so files are near their pixel size). */
    private static long writeRandomImages(Path folder, int images, int side) throws IOException {
        Random random = new Random(7);
        long bytes = 0;
        for (int i = 0; i < images; i++) {
            Path classFolder = folder.resolve(i % 2 == 0 ? "noise-a" : "noise-b");
            Files.createDirectories(classFolder);
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    image.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            Path file = classFolder.resolve("image-" + i + ".png");
            ImageIO.write(image, "png", file.toFile());
            bytes += Files.size(file);
        }
        return bytes;
    }
}
