package io.neuralworkbench.app.settings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.prefs.Preferences;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The user's settings, remembered between starts (java.util.prefs): every change is stored at once, so a crash
 * does not lose it.
 */
public final class Settings {
    /** Presentation mode scales every font by this, for a projector in a classroom. */
    public static final double PRESENTATION_FONT_SCALE = 1.6;
    static final double MIN_FONT_SCALE = 0.75;
    static final double MAX_FONT_SCALE = 2.5;

    public enum Theme { LIGHT, DARK }

    /** Where training should compute; GPU falls back to the CPU when no GPU backend is available. */
    public enum ComputePreference { CPU, GPU }

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final DoubleProperty fontScale = new SimpleDoubleProperty(this, "fontScale");
    private final BooleanProperty presentationMode = new SimpleBooleanProperty(this, "presentationMode");
    private final IntegerProperty workerThreads = new SimpleIntegerProperty(this, "workerThreads");
    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>(this, "dataFolder");
    private final ObjectProperty<Path> projectFolder = new SimpleObjectProperty<>(this, "projectFolder");
    private final ObjectProperty<Path> exportFolder = new SimpleObjectProperty<>(this, "exportFolder");
    private final ObjectProperty<ComputePreference> compute = new SimpleObjectProperty<>(this, "compute");
    private final Preferences preferences;

    public Settings(Preferences preferences) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        Path home = Path.of(System.getProperty("user.home"));
        theme.set(parse(Theme.class, preferences.get("theme", null), Theme.LIGHT));
        fontScale.set(clampFontScale(preferences.getDouble("fontScale", 1.0)));
        presentationMode.set(preferences.getBoolean("presentationMode", false));
        workerThreads.set(clampThreads(preferences.getInt("workerThreads", defaultWorkerThreads())));
        dataFolder.set(Path.of(preferences.get("dataFolder", home.toString())));
        Path workbench = defaultWorkbenchFolder();
        projectFolder.set(Path.of(preferences.get("projectFolder", workbench.toString())));
        exportFolder.set(Path.of(preferences.get("exportFolder", workbench.resolve("exports").toString())));
        compute.set(parse(ComputePreference.class, preferences.get("compute", null), ComputePreference.CPU));

        theme.addListener((o, old, now) -> preferences.put("theme", (now == null ? Theme.LIGHT : now).name()));
        fontScale.addListener((o, old, now) -> {
            double clamped = clampFontScale(now.doubleValue());
            if (clamped != now.doubleValue()) {
                fontScale.set(clamped);
            } else {
                preferences.putDouble("fontScale", clamped);
            }
        });
        presentationMode.addListener((o, old, now) -> preferences.putBoolean("presentationMode", now));
        workerThreads.addListener((o, old, now) -> {
            int clamped = clampThreads(now.intValue());
            if (clamped != now.intValue()) {
                workerThreads.set(clamped);
            } else {
                preferences.putInt("workerThreads", clamped);
            }
        });
        dataFolder.addListener((o, old, now) -> preferences.put("dataFolder", String.valueOf(now)));
        projectFolder.addListener((o, old, now) -> preferences.put("projectFolder", String.valueOf(now)));
        exportFolder.addListener((o, old, now) -> preferences.put("exportFolder", String.valueOf(now)));
        compute.addListener((o, old, now) -> preferences.put("compute",
                (now == null ? ComputePreference.CPU : now).name()));
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The font scale the user chose (1 = the theme's size); see {@link #effectiveFontScale()}. */
    public DoubleProperty fontScaleProperty() {
        return fontScale;
    }

    public BooleanProperty presentationModeProperty() {
        return presentationMode;
    }

    /** The scale to draw fonts at: the chosen one, enlarged in presentation mode. */
    public double effectiveFontScale() {
        return fontScale.get() * (presentationMode.get() ? PRESENTATION_FONT_SCALE : 1.0);
    }

    /** Background tasks that may run at once (file reading, profiling, training). */
    public IntegerProperty workerThreadsProperty() {
        return workerThreads;
    }

    /** Where file choosers for data start. */
    public ObjectProperty<Path> dataFolderProperty() {
        return dataFolder;
    }

    /** Where file choosers for projects start. */
    public ObjectProperty<Path> projectFolderProperty() {
        return projectFolder;
    }

    /** Where model bundles and prediction files are saved by default. */
    public ObjectProperty<Path> exportFolderProperty() {
        return exportFolder;
    }

    /** CPU or GPU for training; see {@link BackendAvailability} for whether a GPU can be used. */
    public ObjectProperty<ComputePreference> computeProperty() {
        return compute;
    }

    /** Where the main window was when it last closed, or {@link WindowPlacement#DEFAULT}. */
    public WindowPlacement windowPlacement() {
        return new WindowPlacement(preferences.getDouble("window.x", Double.NaN),
                preferences.getDouble("window.y", Double.NaN),
                preferences.getDouble("window.width", WindowPlacement.DEFAULT.width()),
                preferences.getDouble("window.height", WindowPlacement.DEFAULT.height()),
                preferences.getBoolean("window.maximized", false));
    }

    public void rememberWindowPlacement(WindowPlacement placement) {
        preferences.putDouble("window.x", placement.x());
        preferences.putDouble("window.y", placement.y());
        preferences.putDouble("window.width", placement.width());
        preferences.putDouble("window.height", placement.height());
        preferences.putBoolean("window.maximized", placement.maximized());
    }

    /** The folder the workbench keeps the user's projects in unless told otherwise (samples are copied there). */
    public static Path defaultWorkbenchFolder() {
        return Path.of(System.getProperty("user.home"), "NeuralWorkbench");
    }

    static int defaultWorkerThreads() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    private static int clampThreads(int threads) {
        return Math.max(1, Math.min(64, threads));
    }

    private static double clampFontScale(double scale) {
        return Double.isFinite(scale) ? Math.max(MIN_FONT_SCALE, Math.min(MAX_FONT_SCALE, scale)) : 1.0;
    }

    /** A stored enum value, or the default when there is none or it is no longer known. */
    private static <E extends Enum<E>> E parse(Class<E> type, String stored, E defaultValue) {
        try {
            return stored == null ? defaultValue : Enum.valueOf(type, stored);
        } catch (IllegalArgumentException e) {
            return defaultValue;
        }
    }
}
