package io.neuralworkbench.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.neuralworkbench.engine.training.EpochEvent;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;

/**
 * Live loss and accuracy curves of one or more training runs. Each run is a {@link TrainingEventBuffer} the
 * engine writes to; a frame timer pulls what is new once per frame while the chart is in a scene,
 * so a fast training loop costs the UI one small copy per frame, never one task per batch.
 *
 * <p>Per batch: the raw loss of every batch (faint) and its smoothed line, with the epochs' figures drawn at
 * the batch where each epoch ended. Per epoch: train and validation loss and accuracy by epoch. The accuracy
 * chart hides itself for regression runs, whose events carry no accuracy (their metric is the loss).
 */
public class TrainingCurvesChart extends ChartComponent {
    /** The curves a run has. */
    public enum Curve {
        // Short labels: the legend shows "run · label" and the chart's axis already says loss or accuracy.
        BATCH_LOSS("train, per batch", "batch"),
        BATCH_LOSS_SMOOTHED("train, smoothed", "batch"),
        TRAIN_LOSS("train", "epoch"),
        VALIDATION_LOSS("validation", "epoch"),
        TRAIN_ACCURACY("train", "epoch"),
        VALIDATION_ACCURACY("validation", "epoch");

        private final String label;
        private final String xUnit;

        Curve(String label, String xUnit) {
            this.label = label;
            this.xUnit = xUnit;
        }

        public String label() {
            return label;
        }
    }

    /** The header of {@link #exportCsv}: one row per point of every curve of every run. */
    public static final String CSV_HEADER = "run,curve,x_unit,x,y";

    private static final double DEFAULT_SMOOTHING = 0.9;

    private final XYChart lossChart = XYCharts.newChart("batch", "loss");
    private final XYChart accuracyChart = XYCharts.newChart("batch", "accuracy");
    private final CheckBox logScale = new CheckBox("Log scale");
    private final ToggleButton perBatch = new ToggleButton("Per batch");
    private final ToggleButton perEpoch = new ToggleButton("Per epoch");
    private final Map<String, RunCurves> runs = new LinkedHashMap<>();

    public TrainingCurvesChart() {
        logScale.setId("logScale");
        logScale.selectedProperty().addListener((obs, was, on) -> XYCharts.yAxis(lossChart).setLogAxis(on));
        perBatch.setId("perBatch");
        perEpoch.setId("perEpoch");
        ToggleGroup xUnit = new ToggleGroup();
        perBatch.setToggleGroup(xUnit);
        perEpoch.setToggleGroup(xUnit);
        perBatch.setSelected(true);
        xUnit.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always on
            } else {
                redrawAll();
            }
        });
        // Accuracy auto-ranges like the loss: late epochs differ in the third digit, which a fixed [0, 1] hides
        // (and with a fixed y axis ChartFX did not re-measure the x axis, so its name covered the tick labels).

        Button exportPng = new Button("Export PNG…");
        exportPng.setId("exportPng");
        exportPng.setOnAction(event -> chooseAndExport("PNG image", "*.png", this::exportPng));
        Button exportCsv = new Button("Export CSV…");
        exportCsv.setId("exportCsv");
        exportCsv.setOnAction(event -> chooseAndExport("CSV table", "*.csv", this::exportCsv));
        HBox toolbar = new HBox(perBatch, perEpoch, logScale, exportPng, exportCsv);
        toolbar.getStyleClass().add("nw-toolbar");
        setTop(toolbar);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(accuracyChart, Priority.ALWAYS);
        lossChart.setPrefWidth(400);
        accuracyChart.setPrefWidth(400);
        setCenter(new HBox(lossChart, accuracyChart));

        runEachFrameWhileShown(now -> pullNow());
    }

    /**
     * Draws a run from this buffer, live (the buffer may still be written) or finished. Several runs overlay,
     * each in its own colour. Call on the FX thread.
     *
     * @throws IllegalArgumentException if a run of that name is shown already
     */
    public void addRun(String name, TrainingEventBuffer buffer) {
        if (runs.containsKey(name)) {
            throw new IllegalArgumentException("a run named \"" + name + "\" is shown already; remove it first");
        }
        RunCurves run = new RunCurves(name, buffer, categoryColor(runs.size()));
        runs.put(name, run);
        run.pull();
        redrawAll();
    }

    public void removeRun(String name) {
        runs.remove(name);
        redrawAll();
    }

    /** Names of the runs shown, in the order they were added. */
    public List<String> runNames() {
        return List.copyOf(runs.keySet());
    }

    /** The data set drawing one curve of a run, to read its points (for tests and for the app's tables). */
    public DataSet dataSet(String run, Curve curve) {
        RunCurves curves = runs.get(run);
        if (curves == null) {
            throw new IllegalArgumentException("no run named \"" + run + "\"; shown are " + runs.keySet());
        }
        return curves.dataSets.get(curve);
    }

    /** The loss chart, whose axes the log-scale toggle and zoom act on. */
    public XYChart lossChart() {
        return lossChart;
    }

    public XYChart accuracyChart() {
        return accuracyChart;
    }

    public CheckBox logScaleToggle() {
        return logScale;
    }

    public boolean isPerEpoch() {
        return perEpoch.isSelected();
    }

    public void setPerEpoch(boolean byEpoch) {
        (byEpoch ? perEpoch : perBatch).setSelected(true);
    }

    /** Pulls what the buffers got since the last frame; the frame timer calls this, tests may too. */
    public void pullNow() {
        boolean epochsChanged = false;
        for (RunCurves run : runs.values()) {
            epochsChanged |= run.pull();
        }
        showNonEmptyDataSets();
        if (epochsChanged) {
            updateAccuracyVisibility();
        }
    }

    /** Writes every point of every curve of every run as CSV ({@link #CSV_HEADER}), atomically. */
    public void exportCsv(Path file) throws IOException {
        ChartFiles.writeText(file, writer -> {
            writer.write(CSV_HEADER);
            writer.write('\n');
            for (RunCurves run : runs.values()) {
                run.writeCsv(writer);
            }
        });
    }

    /** Writes one file. */
    @FunctionalInterface
    private interface Export {
        void to(Path file) throws IOException;
    }

    private void chooseAndExport(String description, String pattern, Export export) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export training curves");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        chooser.setInitialFileName("training-curves" + pattern.substring(1));
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            export.to(file.toPath());
        } catch (IOException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, "Could not write " + file + ": " + e.getMessage()
                    + "\nChoose a folder you can write to, or free some disk space.");
            alert.setHeaderText("Export failed");
            alert.show();
        }
    }

    @Override
    protected void presentationModeChanged(boolean on) {
        for (RunCurves run : runs.values()) {
            run.style(on ? 2 : 1);
        }
    }

    private void redrawAll() {
        String xLabel = isPerEpoch() ? "epoch" : "batch";
        XYCharts.xAxis(lossChart).setName(xLabel);
        XYCharts.xAxis(accuracyChart).setName(xLabel);
        for (RunCurves run : runs.values()) {
            run.redrawEpochCurves();
        }
        showNonEmptyDataSets();
        updateAccuracyVisibility();
    }

    /**
     * Gives the renderers only the curves that have points: an empty ChartFX data set has no range, and while
     * one is shown the chart's auto-ranging axes stay undefined (NaN) and nothing is drawn.
     */
    private void showNonEmptyDataSets() {
        boolean byEpoch = isPerEpoch();
        List<DataSet> lossSets = new ArrayList<>();
        List<DataSet> accuracySets = new ArrayList<>();
        for (RunCurves run : runs.values()) {
            for (Curve curve : Curve.values()) {
                DoubleDataSet dataSet = run.dataSets.get(curve);
                boolean batchCurve = curve == Curve.BATCH_LOSS || curve == Curve.BATCH_LOSS_SMOOTHED;
                if (dataSet.getDataCount() == 0 || byEpoch && batchCurve) {
                    continue;
                }
                boolean accuracy = curve == Curve.TRAIN_ACCURACY || curve == Curve.VALIDATION_ACCURACY;
                (accuracy ? accuracySets : lossSets).add(dataSet);
            }
        }
        setIfChanged(XYCharts.renderer(lossChart).getDatasets(), lossSets);
        setIfChanged(XYCharts.renderer(accuracyChart).getDatasets(), accuracySets);
    }

    private static void setIfChanged(List<DataSet> shown, List<DataSet> wanted) {
        if (!shown.equals(wanted)) {
            shown.clear();
            shown.addAll(wanted);
        }
    }

    /**
     * Regression runs have no accuracy; the chart says so rather than disappearing (hiding a ChartFX chart and
     * showing it again leaves its axis labels overlapping).
     */
    private void updateAccuracyVisibility() {
        boolean anyEpoch = runs.values().stream().anyMatch(run -> !run.epochs.isEmpty());
        boolean anyAccuracy = runs.values().stream()
                .anyMatch(run -> run.dataSets.get(Curve.TRAIN_ACCURACY).getDataCount() > 0);
        String title = anyEpoch && !anyAccuracy ? "No accuracy for regression: the loss is its metric" : "";
        if (!title.equals(accuracyChart.getTitle() == null ? "" : accuracyChart.getTitle())) {
            accuracyChart.setTitle(title);
        }
    }

    /** One run's buffer reader and its data sets. Lives on the FX thread. */
    private final class RunCurves {
        private final String name;
        private final TrainingEventBuffer buffer;
        private final TrainingEventBuffer.Cursor cursor;
        private final Color color;
        private final Map<Curve, DoubleDataSet> dataSets = new EnumMap<>(Curve.class);
        private SeriesSmoother smoother = new SeriesSmoother(DEFAULT_SMOOTHING);
        private final List<EpochEvent> epochs = new ArrayList<>();
        private final List<Long> epochEnds = new ArrayList<>();

        RunCurves(String name, TrainingEventBuffer buffer, Color color) {
            this.name = name;
            this.buffer = buffer;
            this.cursor = buffer.newCursor();
            this.color = color;
            for (Curve curve : Curve.values()) {
                dataSets.put(curve, new DoubleDataSet(name + " · " + curve.label()));
            }
            style(isPresentationMode() ? 2 : 1);
        }

        void style(double scale) {
            XYCharts.styleLine(dataSets.get(Curve.BATCH_LOSS), color, 0.22, scale, false, false);
            XYCharts.styleLine(dataSets.get(Curve.BATCH_LOSS_SMOOTHED), color, 1, 1.5 * scale, false, true);
            XYCharts.styleLine(dataSets.get(Curve.TRAIN_LOSS), color.darker(), 1, 2 * scale, false, true);
            XYCharts.styleLine(dataSets.get(Curve.VALIDATION_LOSS), color.darker(), 1, 2 * scale, true, true);
            XYCharts.styleLine(dataSets.get(Curve.TRAIN_ACCURACY), color, 1, 2 * scale, false, true);
            XYCharts.styleLine(dataSets.get(Curve.VALIDATION_ACCURACY), color, 1, 2 * scale, true, true);
        }

        /** @return true when epochs arrived */
        boolean pull() {
            TrainingEventBuffer.Update update = buffer.pull(cursor);
            if (update.isEmpty()) {
                return false;
            }
            DoubleDataSet raw = dataSets.get(Curve.BATCH_LOSS);
            DoubleDataSet smoothed = dataSets.get(Curve.BATCH_LOSS_SMOOTHED);
            if (update.iterationsReset()) {
                smoother = new SeriesSmoother(DEFAULT_SMOOTHING);
                raw.clearData();
                smoothed.clearData();
            }
            double[] x = update.iterations();
            double[] losses = update.losses();
            double[] smooth = new double[losses.length];
            for (int i = 0; i < losses.length; i++) {
                smooth[i] = smoother.add(losses[i]);
            }
            raw.add(x, losses);
            smoothed.add(x, smooth);
            for (int i = 0; i < update.newEpochs().size(); i++) {
                epochs.add(update.newEpochs().get(i));
                epochEnds.add(update.epochEndIterations()[i]);
            }
            if (!update.newEpochs().isEmpty()) {
                redrawEpochCurves();
                return true;
            }
            return false;
        }

        void redrawEpochCurves() {
            int n = epochs.size();
            double[] x = new double[n];
            double[][] y = new double[4][n];
            for (int i = 0; i < n; i++) {
                EpochEvent epoch = epochs.get(i);
                x[i] = epochX(i);
                y[0][i] = epoch.trainLoss();
                y[1][i] = epoch.validationLoss();
                y[2][i] = epoch.trainAccuracy();
                y[3][i] = epoch.validationAccuracy();
            }
            setFinite(Curve.TRAIN_LOSS, x, y[0]);
            setFinite(Curve.VALIDATION_LOSS, x, y[1]);
            setFinite(Curve.TRAIN_ACCURACY, x, y[2]);
            setFinite(Curve.VALIDATION_ACCURACY, x, y[3]);
        }

        /** Leaves out NaN figures (no validation set, regression accuracy) rather than drawing gaps. */
        private void setFinite(Curve curve, double[] x, double[] y) {
            DoubleDataSet dataSet = dataSets.get(curve);
            dataSet.clearData();
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(y[i])) {
                    dataSet.add(x[i], y[i]);
                }
            }
        }

        private double epochX(int index) {
            long end = epochEnds.get(index);
            return isPerEpoch() || end < 0 ? epochs.get(index).epoch() + 1 : end;
        }

        void writeCsv(Writer writer) throws IOException {
            DoubleDataSet raw = dataSets.get(Curve.BATCH_LOSS);
            DoubleDataSet smoothed = dataSets.get(Curve.BATCH_LOSS_SMOOTHED);
            for (int i = 0; i < raw.getDataCount(); i++) {
                writeRow(writer, Curve.BATCH_LOSS, raw.get(DataSet.DIM_X, i), raw.get(DataSet.DIM_Y, i));
                writeRow(writer, Curve.BATCH_LOSS_SMOOTHED, smoothed.get(DataSet.DIM_X, i),
                        smoothed.get(DataSet.DIM_Y, i));
            }
            for (EpochEvent epoch : epochs) {
                int number = epoch.epoch() + 1;
                writeRow(writer, Curve.TRAIN_LOSS, number, epoch.trainLoss());
                writeRow(writer, Curve.VALIDATION_LOSS, number, epoch.validationLoss());
                writeRow(writer, Curve.TRAIN_ACCURACY, number, epoch.trainAccuracy());
                writeRow(writer, Curve.VALIDATION_ACCURACY, number, epoch.validationAccuracy());
            }
        }

        private void writeRow(Writer writer, Curve curve, double x, double y) throws IOException {
            if (!Double.isFinite(y)) {
                return;
            }
            writer.write(ChartFiles.csvField(name) + ',' + curve.name().toLowerCase(Locale.ROOT) + ','
                    + curve.xUnit + ',' + formatNumber(x) + ',' + formatNumber(y) + '\n');
        }
    }

    static String formatNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
