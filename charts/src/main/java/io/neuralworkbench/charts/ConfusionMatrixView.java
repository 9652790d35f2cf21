package io.neuralworkbench.charts;

import io.neuralworkbench.engine.eval.ClassificationMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * A confusion matrix as a heatmap: rows are the actual classes, columns the predicted ones, the colour the
 * count (or, row-normalized, the share of the actual class). Clicking a cell reports its (actual, predicted)
 * pair so the app can list those samples. Give it a new matrix every epoch; cells update in place.
 */
public class ConfusionMatrixView extends ChartComponent {
    /** Receives a clicked cell. */
    @FunctionalInterface
    public interface CellClickHandler {
        void cellClicked(int actualClass, int predictedClass);
    }

    private static final Color LOW = Color.web("#f7fbff");
    private static final Color HIGH = Color.web("#08306b");

    private final GridPane grid = new GridPane();
    private final ToggleButton normalized = new ToggleButton("Row-normalized");
    private final Label title = new Label("rows: actual · columns: predicted");
    private List<String> classNames = List.of();
    private int[][] counts = new int[0][0];
    private StackPane[][] cells = new StackPane[0][0];
    private CellClickHandler clickHandler = (actual, predicted) -> { };

    public ConfusionMatrixView() {
        normalized.setId("normalize");
        normalized.setMinWidth(Region.USE_PREF_SIZE);
        normalized.selectedProperty().addListener((obs, was, on) -> paintCells());
        title.getStyleClass().add("nw-title");
        HBox toolbar = new HBox(title, normalized);
        toolbar.getStyleClass().add("nw-toolbar");
        setTop(toolbar);
        grid.setAlignment(Pos.CENTER);
        grid.setHgap(0);
        grid.setVgap(0);
        setCenter(grid);
    }

    public void setOnCellClicked(CellClickHandler handler) {
        this.clickHandler = handler == null ? (actual, predicted) -> { } : handler;
    }

    /** Shows this epoch's (or the test split's) matrix. */
    public void setMetrics(ClassificationMetrics metrics) {
        setMatrix(metrics.classNames(), metrics.confusionMatrix());
    }

    /**
     * @param counts rows = actual class, columns = predicted class, in {@code classNames} order
     * @throws IllegalArgumentException if the matrix is not square with one row per class
     */
    public void setMatrix(List<String> classNames, List<List<Integer>> counts) {
        int n = classNames.size();
        int[][] copy = new int[n][n];
        if (counts.size() != n) {
            throw new IllegalArgumentException(n + " class names but " + counts.size() + " matrix rows");
        }
        for (int a = 0; a < n; a++) {
            if (counts.get(a).size() != n) {
                throw new IllegalArgumentException("row " + a + " of the confusion matrix has "
                        + counts.get(a).size() + " columns, expected " + n);
            }
            for (int p = 0; p < n; p++) {
                copy[a][p] = counts.get(a).get(p);
            }
        }
        boolean sameClasses = classNames.equals(this.classNames);
        this.classNames = List.copyOf(classNames);
        this.counts = copy;
        if (!sameClasses) {
            buildGrid();
        }
        paintCells();
    }

    public boolean isRowNormalized() {
        return normalized.isSelected();
    }

    public void setRowNormalized(boolean on) {
        normalized.setSelected(on);
    }

    /** The text a cell shows, for tests and accessibility. */
    public String cellText(int actual, int predicted) {
        return ((Label) cells[actual][predicted].getChildren().get(0)).getText();
    }

    /** The background colour of a cell. */
    public Color cellColor(int actual, int predicted) {
        return (Color) cells[actual][predicted].getBackground().getFills().get(0).getFill();
    }

    private void buildGrid() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        int n = classNames.size();
        Label corner = new Label("actual \\ predicted");
        corner.getStyleClass().add("nw-matrix-header");
        grid.add(corner, 0, 0);
        grid.getColumnConstraints().add(new ColumnConstraints());
        grid.getRowConstraints().add(new RowConstraints());
        for (int i = 0; i < n; i++) {
            Label column = header(classNames.get(i));
            if (n <= 12) {
                column.setMinWidth(Region.USE_PREF_SIZE); // few classes: whole names; many: shortened, tooltip
            }
            GridPane.setHalignment(column, HPos.CENTER);
            grid.add(column, i + 1, 0);
            Label row = header(classNames.get(i));
            grid.add(row, 0, i + 1);
            ColumnConstraints columnSize = new ColumnConstraints(24, 64, Double.MAX_VALUE);
            columnSize.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(columnSize);
            RowConstraints rowSize = new RowConstraints(18, 40, Double.MAX_VALUE);
            rowSize.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rowSize);
        }
        cells = new StackPane[n][n];
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < n; p++) {
                StackPane cell = new StackPane(new Label());
                cell.getStyleClass().add("nw-matrix-cell");
                cell.setId("cell-" + a + "-" + p);
                cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                int actual = a;
                int predicted = p;
                cell.setOnMouseClicked(event -> clickHandler.cellClicked(actual, predicted));
                cells[a][p] = cell;
                grid.add(cell, p + 1, a + 1);
            }
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("nw-matrix-header");
        label.setTooltip(new Tooltip(text));
        label.setMinWidth(24);
        return label;
    }

    private void paintCells() {
        int n = classNames.size();
        int max = 1;
        for (int[] row : counts) {
            for (int count : row) {
                max = Math.max(max, count);
            }
        }
        boolean byRow = isRowNormalized();
        for (int a = 0; a < n; a++) {
            int rowTotal = 0;
            for (int count : counts[a]) {
                rowTotal += count;
            }
            for (int p = 0; p < n; p++) {
                int count = counts[a][p];
                double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
                double intensity = byRow ? share : (double) count / max;
                Color fill = LOW.interpolate(HIGH, intensity);
                StackPane cell = cells[a][p];
                cell.setBackground(new Background(new BackgroundFill(fill, null, null)));
                Label label = (Label) cell.getChildren().get(0);
                label.setText(byRow ? String.format(Locale.ROOT, "%.2f", share) : Integer.toString(count));
                // Text stays readable on dark cells.
                label.setTextFill(fill.getBrightness() < 0.6 || intensity > 0.5 ? Color.WHITE : Color.BLACK);
                label.setStyle(a == p ? "-fx-font-weight: bold;" : "");
                Tooltip.install(cell, new Tooltip(String.format(Locale.ROOT,
                        "actual %s, predicted %s: %d (%.1f%% of %s)", classNames.get(a), classNames.get(p), count,
                        100 * share, classNames.get(a))));
            }
        }
    }

    /** The class names shown, in matrix order. */
    public List<String> classNames() {
        return new ArrayList<>(classNames);
    }
}
