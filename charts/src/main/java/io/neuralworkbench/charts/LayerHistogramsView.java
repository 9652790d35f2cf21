package io.neuralworkbench.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Each layer's weights and activations over the epochs of a run: one strip per layer, an epoch per column, the
 * column being that epoch's histogram (darker where more values fall). Shows at a glance weights that spread or
 * collapse and activations that saturate or die.
 *
 * <p>Epochs are added from any thread ({@link #addEpoch}); the view picks them up at its redraw rate.
 */
public class LayerHistogramsView extends ChartComponent {
    /** What a strip shows. */
    public enum Kind {
        WEIGHTS("weights"), ACTIVATIONS("activations");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private record EpochHistograms(int epoch, Map<String, ValueHistogram> weights,
                                   Map<String, ValueHistogram> activations) {
    }

    /** One strip: a layer's histograms, oldest epoch first. */
    private final class Strip {
        final String layer;
        final Kind kind;
        final List<ValueHistogram> epochs = new ArrayList<>();
        /** The 0-based epoch of each column: a fast run may skip epochs between two columns. */
        final List<Integer> epochNumbers = new ArrayList<>();
        final Label title = new Label();
        final Canvas canvas = new Canvas();
        final Pane box = new Pane(canvas);

        Strip(String layer, Kind kind) {
            this.layer = layer;
            this.kind = kind;
            title.getStyleClass().add("nw-title");
            title.setText(layer + " · " + kind.label);
            canvas.widthProperty().bind(box.widthProperty());
            canvas.heightProperty().bind(box.heightProperty());
            canvas.widthProperty().addListener(o -> draw(this));
            canvas.heightProperty().addListener(o -> draw(this));
            box.setMinHeight(stripHeight());
            box.setPrefHeight(stripHeight());
        }
    }

    private static final double STRIP_HEIGHT = 90;
    private static final double PRESENTATION_STRIP_HEIGHT = 150;

    private final ConcurrentLinkedQueue<EpochHistograms> incoming = new ConcurrentLinkedQueue<>();
    private final Map<String, Strip> strips = new LinkedHashMap<>();
    private final VBox content = new VBox(2);
    private final Label placeholder = new Label("The weights and activations of each layer appear here after the"
            + " first epoch.");
    private int epochsShown;

    public LayerHistogramsView() {
        content.getChildren().add(placeholder);
        content.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        runEachFrameWhileShown(now -> takeIncoming());
    }

    /**
     * One epoch's histograms, by layer. Callable from any thread.
     *
     * @param activations may be empty (the backend cannot tell)
     */
    public void addEpoch(int epoch, Map<String, ValueHistogram> weights, Map<String, ValueHistogram> activations) {
        incoming.add(new EpochHistograms(epoch, new LinkedHashMap<>(weights), new LinkedHashMap<>(activations)));
    }

    /** Forgets every epoch (a new run). Call on the FX thread. */
    public void clear() {
        incoming.clear();
        strips.clear();
        epochsShown = 0;
        content.getChildren().setAll(placeholder);
    }

    /** The strips shown, as "layer · kind". FX thread. */
    public List<String> stripNames() {
        return strips.values().stream().map(s -> s.title.getText()).toList();
    }

    /** The 0-based epochs of one layer's strip's columns. FX thread. */
    public List<Integer> epochsOf(String layer, Kind kind) {
        Strip strip = strips.get(key(layer, kind));
        return strip == null ? List.of() : List.copyOf(strip.epochNumbers);
    }

    /** The histograms of one layer's strip, oldest epoch first (empty when there is no such strip). FX thread. */
    public List<ValueHistogram> history(String layer, Kind kind) {
        Strip strip = strips.get(key(layer, kind));
        return strip == null ? List.of() : List.copyOf(strip.epochs);
    }

    /** Epochs shown so far (columns per strip). FX thread. */
    public int epochsShown() {
        return epochsShown;
    }

    private void takeIncoming() {
        List<Strip> changed = new ArrayList<>();
        for (EpochHistograms epoch; (epoch = incoming.poll()) != null; ) {
            epochsShown++;
            add(epoch.epoch(), epoch.weights(), Kind.WEIGHTS, changed);
            add(epoch.epoch(), epoch.activations(), Kind.ACTIVATIONS, changed);
        }
        changed.stream().distinct().forEach(this::draw);
    }

    private void add(int epoch, Map<String, ValueHistogram> histograms, Kind kind, List<Strip> changed) {
        histograms.forEach((layer, histogram) -> {
            Strip strip = strips.computeIfAbsent(key(layer, kind), k -> {
                Strip added = new Strip(layer, kind);
                content.getChildren().remove(placeholder);
                content.getChildren().addAll(added.title, added.box);
                return added;
            });
            strip.epochs.add(histogram);
            strip.epochNumbers.add(epoch);
            changed.add(strip);
        });
    }

    private static String key(String layer, Kind kind) {
        return kind + "/" + layer;
    }

    private double stripHeight() {
        return isPresentationMode() ? PRESENTATION_STRIP_HEIGHT : STRIP_HEIGHT;
    }

    @Override
    protected void presentationModeChanged(boolean on) {
        for (Strip strip : strips.values()) {
            strip.box.setMinHeight(stripHeight());
            strip.box.setPrefHeight(stripHeight());
            draw(strip);
        }
    }

    /** Value axis on the left, epochs along the bottom, each epoch's bins as a column of shaded cells. */
    private void draw(Strip strip) {
        GraphicsContext g = strip.canvas.getGraphicsContext2D();
        double width = strip.canvas.getWidth();
        double height = strip.canvas.getHeight();
        boolean large = isPresentationMode();
        double fontSize = large ? 18 : 11;
        double left = large ? 90 : 60;
        double bottom = fontSize + 6;
        double plotWidth = Math.max(1, width - left - 8);
        double plotHeight = Math.max(1, height - bottom - 4);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, height);
        List<ValueHistogram> epochs = strip.epochs;
        if (epochs.isEmpty()) {
            return;
        }
        double min = epochs.stream().mapToDouble(ValueHistogram::min).min().orElse(0);
        double max = epochs.stream().mapToDouble(ValueHistogram::max).max().orElse(1);
        Color ink = large ? Color.BLACK : categoryColor(strip.kind == Kind.WEIGHTS ? 0 : 1).darker();
        g.setImageSmoothing(false);
        g.drawImage(heatmap(epochs, min, max, ink), left, 4, plotWidth, plotHeight);
        g.setStroke(Color.BLACK);
        g.setLineWidth(large ? 2 : 1);
        g.strokeRect(left, 4, plotWidth, plotHeight);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(fontSize));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(format(max), left - 4, 4);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(format(min), left - 4, 4 + plotHeight);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("epoch " + (strip.epochNumbers.get(0) + 1), left, 6 + plotHeight);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Integer.toString(strip.epochNumbers.get(epochs.size() - 1) + 1), left + plotWidth, 6 + plotHeight);
    }

    /** Value rows of the image; an epoch's bins are resampled onto them (their ranges differ from epoch to epoch). */
    private static final int IMAGE_ROWS = 120;

    /**
     * One pixel column per epoch, one pixel row per value step from {@code max} (top) to {@code min}: painting an
     * image and scaling it once is far cheaper than a rectangle per bin on a software-rendered screen.
     */
    static WritableImage heatmap(List<ValueHistogram> epochs, double min, double max, Color ink) {
        int[] shades = new int[SHADES];
        for (int level = 0; level < SHADES; level++) {
            shades[level] = argb(Color.WHITE.interpolate(ink, 0.15 + 0.85 * level / (SHADES - 1.0)));
        }
        int width = epochs.size();
        int[] pixels = new int[width * IMAGE_ROWS];
        double step = (max - min) / IMAGE_ROWS;
        for (int e = 0; e < width; e++) {
            ValueHistogram histogram = epochs.get(e);
            double largest = Math.max(1, histogram.largestCount());
            double binSize = (histogram.max() - histogram.min()) / histogram.bins();
            for (int row = 0; row < IMAGE_ROWS; row++) {
                double value = max - (row + 0.5) * step;
                int bin = (int) Math.floor((value - histogram.min()) / binSize);
                int count = bin >= 0 && bin < histogram.bins() ? histogram.count(bin) : 0;
                // A square root keeps the thin tails visible next to a tall peak.
                pixels[row * width + e] = count == 0 ? 0xFFFFFFFF
                        : shades[(int) Math.round(Math.sqrt(count / largest) * (SHADES - 1))];
            }
        }
        WritableImage image = new WritableImage(width, IMAGE_ROWS);
        image.getPixelWriter().setPixels(0, 0, width, IMAGE_ROWS, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return image;
    }

    private static final int SHADES = 64;

    private static int argb(Color color) {
        return 0xFF000000 | (int) Math.round(color.getRed() * 255) << 16 | (int) Math.round(color.getGreen() * 255) << 8
                | (int) Math.round(color.getBlue() * 255);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
