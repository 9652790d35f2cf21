package io.neuralworkbench.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;

/**
 * What every chart component shares: the module's stylesheet, the presentation mode (large fonts, high
 * contrast, for a projector) and export of what is on screen as a PNG image.
 */
public abstract class ChartComponent extends BorderPane {
    /** Style class every component carries. */
    public static final String STYLE_CLASS = "nw-chart";
    /** Style class that switches a component, or a whole window's root, to presentation mode. */
    public static final String PRESENTATION_STYLE_CLASS = "nw-presentation";

    /** Categorical colours that stay apart for the common colour-vision deficiencies (Okabe–Ito, then Tableau). */
    private static final Color[] PALETTE = {
        Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#009E73"), Color.web("#CC79A7"),
        Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#7F7F7F"), Color.web("#8C564B"),
        Color.web("#BCBD22"), Color.web("#17BECF")};

    private final BooleanProperty presentationMode = new SimpleBooleanProperty(this, "presentationMode");
    private long redrawIntervalNanos;

    protected ChartComponent() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(Objects.requireNonNull(ChartComponent.class.getResource("charts.css")).toExternalForm());
        presentationMode.addListener((obs, was, on) -> {
            getStyleClass().remove(PRESENTATION_STYLE_CLASS);
            if (on) {
                getStyleClass().add(PRESENTATION_STYLE_CLASS);
            }
            presentationModeChanged(on);
        });
        followWindowPresentationMode();
    }

    /**
     * A window switches all its charts at once by putting {@link #PRESENTATION_STYLE_CLASS} on its scene's root:
     * CSS reaches what is styled, and this listener sets the property for what is drawn on a canvas.
     */
    private void followWindowPresentationMode() {
        ListChangeListener<String> rootClasses = change -> setPresentationMode(
                change.getList().contains(PRESENTATION_STYLE_CLASS));
        ChangeListener<Parent> onRoot = (obs, old, root) -> {
            if (old != null) {
                old.getStyleClass().removeListener(rootClasses);
            }
            if (root != null) {
                root.getStyleClass().addListener(rootClasses);
                if (root.getStyleClass().contains(PRESENTATION_STYLE_CLASS)) {
                    setPresentationMode(true);
                }
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.rootProperty().removeListener(onRoot);
                onRoot.changed(old.rootProperty(), old.getRoot(), null);
            }
            if (scene != null) {
                scene.rootProperty().addListener(onRoot);
                onRoot.changed(scene.rootProperty(), null, scene.getRoot());
            }
        });
    }

    /** Large fonts, thick lines and high contrast; the same as putting {@link #PRESENTATION_STYLE_CLASS} on a parent. */
    public final BooleanProperty presentationModeProperty() {
        return presentationMode;
    }

    public final boolean isPresentationMode() {
        return presentationMode.get();
    }

    public final void setPresentationMode(boolean on) {
        presentationMode.set(on);
    }

    /**
     * How often a live component picks up new data: every frame by default. With an interval, a background
     * ticker asks for a pick-up once per interval instead of a frame timer; a running frame timer makes JavaFX
     * pulse 60 times a second, and ChartFX lays its charts out on every pulse, which on a software-rendered or
     * busy machine takes much of a core from training ({@link LiveTicker}). Set it before the component is shown.
     */
    public final void setRedrawInterval(javafx.util.Duration interval) {
        redrawIntervalNanos = (long) (interval.toMillis() * 1e6);
    }

    /**
     * Calls {@code onFrame} with the time while this component is in a scene, once per frame or once per
     * {@link #setRedrawInterval redraw interval}: how live components pick up data written on other threads
     * without a task per update.
     */
    protected final void runEachFrameWhileShown(LongConsumer onFrame) {
        LiveTicker.whileShown(this, () -> redrawIntervalNanos, onFrame);
    }

    /** For what CSS cannot reach, such as sizes drawn on a canvas. */
    protected void presentationModeChanged(boolean on) {
    }

    /** The colour of category {@code index} (a class, a run), repeating after ten. */
    public static Color categoryColor(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** CSS notation of a colour with the given opacity, for ChartFX's dataset styles. */
    static String cssColor(Color color, double opacity) {
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.3f)", Math.round(color.getRed() * 255),
                Math.round(color.getGreen() * 255), Math.round(color.getBlue() * 255), opacity);
    }

    /** Writes what the component shows as a PNG file (atomically). Call on the FX thread. */
    public void exportPng(Path file) throws IOException {
        ChartFiles.writePng(snapshot(null, null), file);
    }
}
