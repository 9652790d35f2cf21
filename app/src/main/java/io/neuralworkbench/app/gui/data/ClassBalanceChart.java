package io.neuralworkbench.app.gui.data;

import java.util.List;

import io.neuralworkbench.engine.data.ColumnProfile;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** A small bar chart of how often each class occurs, the same for tables, texts and images. */
final class ClassBalanceChart extends BarChart<String, Number> {
    ClassBalanceChart(String id) {
        super(new CategoryAxis(), new NumberAxis());
        setId(id);
        setTitle("Class balance");
        setLegendVisible(false);
        setAnimated(false);
        setPrefSize(300, 220);
        setMinHeight(180);
    }

    void show(List<ColumnProfile.ValueCount> counts) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (ColumnProfile.ValueCount value : counts) {
            series.getData().add(new XYChart.Data<>(value.value(), value.count()));
        }
        getData().setAll(List.of(series));
    }
}
