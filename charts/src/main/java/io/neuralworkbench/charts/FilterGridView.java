package io.neuralworkbench.charts;

import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.TilePane;
import javafx.scene.paint.Color;

/**
 * The filters of an image model's first convolution layer as a grid of small images, so one can watch edge and
 * blob detectors form. Filters are set from any thread ({@link #show}) and picked up at the redraw rate.
 */
public class FilterGridView extends ChartComponent {
    private static final double TILE = 44;
    private static final double PRESENTATION_TILE = 72;

    private final AtomicReference<ConvolutionFilters> incoming = new AtomicReference<>();
    private final TilePane tiles = new TilePane(4, 4);
    private final Label title = new Label("The filters of the first convolution layer appear here after the first"
            + " epoch of an image model.");
    private ConvolutionFilters shown;

    public FilterGridView() {
        title.getStyleClass().add("nw-title");
        title.setWrapText(true);
        setTop(title);
        tiles.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        runEachFrameWhileShown(now -> {
            ConvolutionFilters filters = incoming.getAndSet(null);
            if (filters != null) {
                draw(filters);
            }
        });
    }

    /** The filters to show (replacing the last ones). Callable from any thread. */
    public void show(ConvolutionFilters filters) {
        incoming.set(filters);
    }

    /** The filters on screen, or null. FX thread. */
    public ConvolutionFilters shownFilters() {
        return shown;
    }

    /** The image of filter {@code index} on screen. FX thread. */
    public Image filterImage(int index) {
        return ((ImageView) tiles.getChildren().get(index)).getImage();
    }

    /** Forgets the filters (a new run). FX thread. */
    public void clear() {
        incoming.set(null);
        shown = null;
        tiles.getChildren().clear();
    }

    @Override
    protected void presentationModeChanged(boolean on) {
        if (shown != null) {
            draw(shown);
        }
    }

    private void draw(ConvolutionFilters filters) {
        shown = filters;
        title.setText(filters.layer() + ": " + filters.count() + " filters of " + filters.height() + " × "
                + filters.width() + (filters.rgb() ? " (colour)" : " (light = larger weight)"));
        double size = isPresentationMode() ? PRESENTATION_TILE : TILE;
        tiles.getChildren().clear();
        for (float[] pixels : filters.pixels()) {
            ImageView view = new ImageView(image(filters, pixels));
            view.setSmooth(false); // the kernel's pixels, not a blur of them
            view.setPreserveRatio(true);
            view.setFitWidth(size);
            view.setFitHeight(size);
            tiles.getChildren().add(view);
        }
    }

    static Image image(ConvolutionFilters filters, float[] pixels) {
        WritableImage image = new WritableImage(filters.width(), filters.height());
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < filters.height(); y++) {
            for (int x = 0; x < filters.width(); x++) {
                int pixel = y * filters.width() + x;
                writer.setColor(x, y, filters.rgb()
                        ? Color.color(pixels[pixel * 3], pixels[pixel * 3 + 1], pixels[pixel * 3 + 2])
                        : Color.gray(pixels[pixel]));
            }
        }
        return image;
    }
}
