package io.neuralworkbench.charts;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * For two-feature data: the class a model predicts over the plane, as a heatmap (colour by class, stronger
 * where the model is more confident), with the data points on top in their class colours.
 *
 * <p>The grid is predicted off the FX thread by the given {@link Predictor}. Redraw requests while a
 * prediction runs are merged into one, and predictions start at most {@link #MAX_UPDATES_PER_SECOND} times a
 * second: a training loop may request a redraw after every batch without slowing down or queueing work. A
 * frame timer swaps the finished image in, so there is no task per update on the FX thread either.
 *
 * <p>A caller that must predict on a thread of its own (a model that is not thread-safe, predicted between
 * training batches) takes {@link #gridPoints()} and hands the probabilities to {@link #showPredictions} instead.
 */
public class DecisionBoundaryView extends ChartComponent {
    /** A model's class probabilities for points of the plane. */
    @FunctionalInterface
    public interface Predictor {
        /** @param points rows of (x, y); @return one row of class probabilities per point */
        float[][] predict(float[][] points);
    }

    public static final int MAX_UPDATES_PER_SECOND = 4;
    private static final long MIN_NANOS_BETWEEN_UPDATES = 1_000_000_000L / MAX_UPDATES_PER_SECOND;
    private static final double MARGIN = 36;
    private static final double PRESENTATION_MARGIN = 60;

    private final int resolution;
    private final Canvas canvas = new Canvas();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "decision-boundary");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean computing = new AtomicBoolean();
    private final AtomicReference<Image> finished = new AtomicReference<>();
    private final AtomicLong predictions = new AtomicLong();
    private volatile Predictor predictor;
    private boolean redrawRequested;
    private long lastStartNanos = Long.MIN_VALUE / 2;

    private float[][] points = new float[0][];
    private int[] classes = new int[0];
    private List<String> classNames = List.of();
    private String xName = "x";
    private String yName = "y";
    private double minX = -1;
    private double maxX = 1;
    private double minY = -1;
    private double maxY = 1;
    private Image boundary;
    /** The cell centres of the plane as it is now; replaced (never changed) when the data's extent changes. */
    private volatile float[][] grid;

    public DecisionBoundaryView() {
        this(120);
    }

    /** @param resolution grid cells per side that the model predicts */
    public DecisionBoundaryView(int resolution) {
        if (resolution < 2) {
            throw new IllegalArgumentException("resolution must be at least 2 cells per side, was " + resolution);
        }
        this.resolution = resolution;
        grid = gridFor(minX, maxX, minY, maxY);
        Pane plot = new Pane(canvas);
        plot.setMinSize(100, 100);
        canvas.widthProperty().bind(plot.widthProperty());
        canvas.heightProperty().bind(plot.heightProperty());
        canvas.widthProperty().addListener(obs -> draw());
        canvas.heightProperty().addListener(obs -> draw());
        setCenter(plot);
        runEachFrameWhileShown(this::onFrame);
    }

    /**
     * The data points and the plane's extent (their range plus a margin). Call on the FX thread.
     *
     * @param points  rows of (x, y)
     * @param classes each point's class index
     */
    public void setData(float[][] points, int[] classes, List<String> classNames, String xName, String yName) {
        if (points.length != classes.length) {
            throw new IllegalArgumentException(points.length + " points but " + classes.length + " class labels");
        }
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != 2) {
                throw new IllegalArgumentException("point " + i + " has " + points[i].length
                        + " features; a decision boundary needs exactly two");
            }
        }
        this.points = points.clone();
        this.classes = classes.clone();
        this.classNames = List.copyOf(classNames);
        this.xName = xName;
        this.yName = yName;
        double[] x = range(points, 0);
        double[] y = range(points, 1);
        minX = x[0];
        maxX = x[1];
        minY = y[0];
        maxY = y[1];
        grid = gridFor(minX, maxX, minY, maxY);
        requestRedraw();
        draw();
    }

    /** The model to draw; requests a redraw. */
    public void setPredictor(Predictor predictor) {
        this.predictor = predictor;
        requestRedraw();
    }

    /**
     * Asks for the boundary to be predicted again (the model changed). Cheap and callable from any thread: at
     * most one prediction runs, and they start at most {@link #MAX_UPDATES_PER_SECOND} times a second.
     */
    public void requestRedraw() {
        if (javafx.application.Platform.isFxApplicationThread()) {
            redrawRequested = true;
        } else {
            pendingFromOtherThread.set(true);
        }
    }

    private final AtomicBoolean pendingFromOtherThread = new AtomicBoolean();

    /**
     * The points to predict for {@link #showPredictions}: one (x, y) row per grid cell centre, row by row from the
     * top. Callable from any thread; do not change the array.
     */
    public float[][] gridPoints() {
        return grid;
    }

    /**
     * Shows a model's class probabilities for {@link #gridPoints()}, predicted by the caller. Callable from any
     * thread; the image is painted on the view's worker and swapped in on the next frame. Probabilities for a grid
     * that is no longer current (the data changed meanwhile) are dropped.
     */
    public void showPredictions(float[][] gridPoints, float[][] probabilities) {
        if (gridPoints != grid) {
            return;
        }
        if (probabilities.length != gridPoints.length) {
            throw new IllegalArgumentException(probabilities.length + " predictions for " + gridPoints.length
                    + " grid points");
        }
        predictions.incrementAndGet();
        worker.execute(() -> finished.set(paint(probabilities)));
    }

    /** The heatmap image shown, or null before the first prediction finished. */
    public Image boundaryImage() {
        return boundary;
    }

    /** How many grid predictions were started since the view was created. */
    public long predictionCount() {
        return predictions.get();
    }

    /** Canvas position of a data-space x, for tests and overlays. */
    public double toCanvasX(double x) {
        return margin() + (x - minX) / (maxX - minX) * plotWidth();
    }

    public double toCanvasY(double y) {
        return canvas.getHeight() - margin() - (y - minY) / (maxY - minY) * plotHeight();
    }

    /** Room around the plot for the axis labels (top: the legend above the y label). */
    private double margin() {
        return isPresentationMode() ? PRESENTATION_MARGIN : MARGIN;
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void presentationModeChanged(boolean on) {
        draw();
    }

    private void onFrame(long now) {
        Image image = finished.getAndSet(null);
        if (image != null) {
            boundary = image;
            draw();
        }
        if (pendingFromOtherThread.getAndSet(false)) {
            redrawRequested = true;
        }
        Predictor current = predictor;
        if (redrawRequested && current != null && now - lastStartNanos >= MIN_NANOS_BETWEEN_UPDATES
                && computing.compareAndSet(false, true)) {
            redrawRequested = false;
            lastStartNanos = now;
            predictions.incrementAndGet();
            float[][] cells = grid;
            worker.execute(() -> {
                try {
                    finished.set(paint(current.predict(cells)));
                } finally {
                    computing.set(false);
                }
            });
        }
    }

    /** Every grid cell centre of the plane, row by row from the top. */
    private float[][] gridFor(double x0, double x1, double y0, double y1) {
        int n = resolution;
        float[][] cells = new float[n * n][];
        for (int row = 0; row < n; row++) {
            double y = y1 - (row + 0.5) / n * (y1 - y0); // image row 0 is the top
            for (int column = 0; column < n; column++) {
                double x = x0 + (column + 0.5) / n * (x1 - x0);
                cells[row * n + column] = new float[] {(float) x, (float) y};
            }
        }
        return cells;
    }

    /** Runs on the worker thread: the grid's predictions painted into an image. */
    private Image paint(float[][] probabilities) {
        int n = resolution;
        // One buffer written at once, colours from a cache: a Color per cell made painting cost more CPU than
        // predicting, taken from training on a small machine.
        int[] argb = new int[n * n];
        for (int cell = 0; cell < argb.length; cell++) {
            argb[cell] = cellArgb(probabilities[cell]);
        }
        WritableImage image = new WritableImage(n, n);
        image.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), argb, 0, n);
        return image;
    }

    /** Shades of confidence per class; {@link #cellColor} quantised to this many, cached as ARGB. */
    private static final int CONFIDENCE_LEVELS = 64;
    private static final java.util.Map<Integer, int[]> SHADES = new java.util.concurrent.ConcurrentHashMap<>();

    static int cellArgb(float[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        int classes = Math.max(2, probabilities.length);
        int[] shades = SHADES.computeIfAbsent(best * 1000 + classes, key -> shadesOf(key / 1000, key % 1000));
        double chance = 1.0 / classes;
        double confidence = Math.max(0, Math.min(1, (probabilities[best] - chance) / (1 - chance)));
        return shades[(int) Math.round(confidence * (CONFIDENCE_LEVELS - 1))];
    }

    private static int[] shadesOf(int best, int classes) {
        int[] shades = new int[CONFIDENCE_LEVELS];
        double chance = 1.0 / classes;
        for (int level = 0; level < CONFIDENCE_LEVELS; level++) {
            float[] probabilities = new float[classes];
            double top = chance + (1 - chance) * level / (CONFIDENCE_LEVELS - 1);
            java.util.Arrays.fill(probabilities, (float) ((1 - top) / (classes - 1)));
            probabilities[best] = (float) top;
            Color color = cellColor(probabilities);
            shades[level] = 0xFF000000 | (int) Math.round(color.getRed() * 255) << 16
                    | (int) Math.round(color.getGreen() * 255) << 8 | (int) Math.round(color.getBlue() * 255);
        }
        return shades;
    }

    /** The predicted class's colour, paler where the model is unsure (the top probability near 1 / classes). */
    static Color cellColor(float[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        double chance = 1.0 / Math.max(2, probabilities.length);
        double confidence = Math.max(0, Math.min(1, (probabilities[best] - chance) / (1 - chance)));
        return Color.WHITE.interpolate(categoryColor(best), 0.12 + 0.5 * confidence);
    }

    private double plotWidth() {
        return Math.max(1, canvas.getWidth() - 2 * margin());
    }

    private double plotHeight() {
        return Math.max(1, canvas.getHeight() - 2 * margin());
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, height);
        if (boundary != null) {
            g.setImageSmoothing(true);
            g.drawImage(boundary, margin(), margin(), plotWidth(), plotHeight());
        }
        boolean large = isPresentationMode();
        double radius = large ? 7 : 4;
        g.setLineWidth(large ? 2 : 1);
        for (int i = 0; i < points.length; i++) {
            double x = toCanvasX(points[i][0]);
            double y = toCanvasY(points[i][1]);
            g.setFill(categoryColor(classes[i]));
            g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
            g.setStroke(large ? Color.BLACK : Color.WHITE); // high contrast on a projector
            g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
        }
        g.setStroke(Color.BLACK);
        g.strokeRect(margin(), margin(), plotWidth(), plotHeight());
        drawLabels(g, large);
    }

    private void drawLabels(GraphicsContext g, boolean large) {
        double margin = margin();
        double fontSize = large ? 20 : 12;
        g.setFill(Color.BLACK);
        g.setFont(Font.font(fontSize));
        g.setTextBaseline(VPos.TOP);
        double bottom = canvas.getHeight() - margin + 4;
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(format(minX), margin, bottom);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(format(maxX), margin + plotWidth(), bottom);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(xName, margin + plotWidth() / 2, bottom);
        // Above the plot: the y axis on the lower line, the legend on the upper one, so they never overlap.
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(yName + "  ↑   " + format(minY) + " … " + format(maxY), margin, margin - 4);
        double legendBaseline = margin - 8 - fontSize;
        double x = margin + plotWidth();
        g.setTextAlign(TextAlignment.RIGHT);
        for (int c = classNames.size() - 1; c >= 0; c--) {
            String item = "● " + classNames.get(c) + (c == classNames.size() - 1 ? "" : "   ");
            g.setFill(categoryColor(c));
            g.fillText(item, x, legendBaseline);
            Text measured = new Text(item);
            measured.setFont(g.getFont());
            x -= measured.getLayoutBounds().getWidth();
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private static double[] range(float[][] points, int column) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] point : points) {
            min = Math.min(min, point[column]);
            max = Math.max(max, point[column]);
        }
        if (!(min < max)) {
            return new double[] {Double.isFinite(min) ? min - 1 : -1, Double.isFinite(max) ? max + 1 : 1};
        }
        double pad = 0.08 * (max - min);
        return new double[] {min - pad, max + pad};
    }
}
