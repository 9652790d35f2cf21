package io.neuralworkbench.engine.data.synthetic;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.TaskType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Small generated problems for teaching, the TensorFlow Playground family: four two-class problems on the
 * plane (columns {@code x1, x2, label}) whose decision boundaries a network can be watched learning, and a
 * 1-D regression curve (columns {@code x, y}). Each is an ordinary {@link RawTable}, so it goes through the
 * same preprocessing, split and views as a CSV file, and {@link RawTable#writeCsv} exports it.
 * <p>
 * Classes alternate row by row, so the two classes are equally large (within one row). Labels follow the
 * clean geometry; the noise then jitters the coordinates, so with noise some points cross the boundary.
 */
public enum TeachingSet {
    /** A disc (radius ≤ 0.5) inside a ring (radius 0.7 to 1): no straight line separates them. */
    CIRCLES("circles", "a disc inside a ring", "inner", "outer") {
        @Override
        double[] point(int classIndex, int indexInClass, int classSize, Random random) {
            double radius = classIndex == 0 ? 0.5 * random.nextDouble() : 0.7 + 0.3 * random.nextDouble();
            double angle = 2 * Math.PI * random.nextDouble();
            return new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
        }
    },
    /** Points in the four quadrants, kept {@value #XOR_GAP} off the axes; the class is the sign of x1·x2. */
    XOR("xor", "the four quadrants, labelled by the sign of x1·x2", "negative", "positive") {
        @Override
        double[] point(int classIndex, int indexInClass, int classSize, Random random) {
            double first = randomSign(random) * (XOR_GAP + (1 - XOR_GAP) * random.nextDouble());
            double second = Math.signum(first) * (classIndex == 0 ? -1 : 1)
                    * (XOR_GAP + (1 - XOR_GAP) * random.nextDouble());
            return new double[] {first, second};
        }
    },
    /** Two interleaved spirals of 1.75 turns, the second the first turned by half a circle. */
    SPIRALS("spirals", "two interleaved spirals", "spiral_a", "spiral_b") {
        @Override
        double[] point(int classIndex, int indexInClass, int classSize, Random random) {
            double radius = (indexInClass + 1.0) / classSize;
            double angle = SPIRAL_TURNS * 2 * Math.PI * radius + (classIndex == 0 ? 0 : Math.PI);
            return new double[] {radius * Math.sin(angle), radius * Math.cos(angle)};
        }
    },
    /** Two round Gaussian clouds (spread {@value #BLOB_SPREAD}) around (-0.5, -0.5) and (0.5, 0.5). */
    BLOBS("blobs", "two Gaussian clouds", "lower_left", "upper_right") {
        @Override
        double[] point(int classIndex, int indexInClass, int classSize, Random random) {
            double centre = classIndex == 0 ? -0.5 : 0.5;
            return new double[] {centre + BLOB_SPREAD * random.nextGaussian(),
                centre + BLOB_SPREAD * random.nextGaussian()};
        }
    },
    /** y = sin(π·x) for x uniform in [-1, 1]: a regression problem. */
    CURVE("curve", "a sine curve to fit, y = sin(πx)") {
        @Override
        double[] point(int classIndex, int indexInClass, int classSize, Random random) {
            double x = -1 + 2 * random.nextDouble();
            return new double[] {x, Math.sin(Math.PI * x)};
        }
    };

    static final double XOR_GAP = 0.05;
    static final double SPIRAL_TURNS = 1.75;
    static final double BLOB_SPREAD = 0.15;

    private final String id;
    private final String description;
    private final List<String> classNames;

    /** @param classNames the labels of class 0 and class 1, in sorted order as the preprocessing orders them */
    TeachingSet(String id, String description, String... classNames) {
        this.id = id;
        this.description = description;
        this.classNames = List.of(classNames);
    }

    /**
     * The coordinates of one clean point (for the curve: x and y).
     *
     * @param indexInClass the point's position among its class's {@code classSize} points, from 0
     */
    abstract double[] point(int classIndex, int indexInClass, int classSize, Random random);

    /** The name users type, e.g. {@code spirals}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public TaskType task() {
        return this == CURVE ? TaskType.REGRESSION : TaskType.CLASSIFICATION;
    }

    /** The column to predict: {@code label}, or {@code y} for the curve. */
    public String targetColumn() {
        return this == CURVE ? "y" : "label";
    }

    public List<String> columnNames() {
        return this == CURVE ? List.of("x", "y") : List.of("x1", "x2", "label");
    }

    /** The two class labels in sorted order; empty for the curve. */
    public List<String> classNames() {
        return classNames;
    }

    /** Generates the table, named {@code <id>.csv}. */
    public RawTable generate(GeneratorSettings settings) {
        Random random = new Random(settings.seed());
        int classCount = Math.max(1, classNames().size());
        List<String[]> rows = new ArrayList<>(settings.samples());
        for (int row = 0; row < settings.samples(); row++) {
            int classIndex = row % classCount;
            int classSize = (settings.samples() - classIndex + classCount - 1) / classCount;
            double[] point = point(classIndex, row / classCount, classSize, random);
            if (this == CURVE) {
                point[1] += settings.noise() * random.nextGaussian();
                rows.add(new String[] {number(point[0]), number(point[1])});
            } else {
                point[0] += settings.noise() * random.nextGaussian();
                point[1] += settings.noise() * random.nextGaussian();
                rows.add(new String[] {number(point[0]), number(point[1]), classNames().get(classIndex)});
            }
        }
        return RawTable.of(id + ".csv", columnNames(), rows);
    }

    /** The set called {@code name} (case-insensitive), if there is one. */
    public static Optional<TeachingSet> find(String name) {
        return Arrays.stream(values()).filter(set -> set.id.equalsIgnoreCase(name.strip())).findFirst();
    }

    /** @throws UserInputException naming the known sets if there is no set called {@code name} */
    public static TeachingSet named(String name) {
        return find(name).orElseThrow(() -> new UserInputException("There is no teaching set called \"" + name
                + "\" — choose one of " + ids()));
    }

    /** The known names, comma-separated, for messages and help. */
    public static String ids() {
        return Arrays.stream(values()).map(TeachingSet::id).collect(Collectors.joining(", "));
    }

    private static double randomSign(Random random) {
        return random.nextBoolean() ? 1 : -1;
    }

    /** Five decimals: finer than any noise worth teaching with, and short enough to read in the file. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.5f", value);
    }
}
