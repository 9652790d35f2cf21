package io.neuralworkbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** ChartFX 11.3.1 is built for JavaFX 16; this checks it lays out and paints a line on JavaFX 21, headless. */
@ExtendWith(ApplicationExtension.class)
class ChartFxCompatibilityTest {
    private XYChart chart;

    @Start
    void start(Stage stage) {
        chart = new XYChart(new DefaultNumericAxis("x"), new DefaultNumericAxis("y"));
        chart.setAnimated(false);
        DoubleDataSet line = new DoubleDataSet("line");
        for (int i = 0; i < 100; i++) {
            line.add(i, Math.sin(i / 10.0));
        }
        chart.getDatasets().add(line);
        stage.setScene(new Scene(chart, 400, 300));
        stage.show();
    }

    @Test
    void chartPaintsItsLineOnJavaFx21() throws Exception {
        WaitForAsyncUtils.waitForFxEvents(5);
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> chart.snapshot(null, null)).get();
        int nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = image.getPixelReader().getColor(x, y);
                if (c.getSaturation() > 0.3) {
                    nonWhite++;
                }
            }
        }
        assertThat(System.getProperty("javafx.runtime.version")).startsWith("21");
        assertThat(nonWhite).as("coloured pixels of the plotted line").isGreaterThan(100);
        assertThat(chart.getXAxis().getMax()).isGreaterThanOrEqualTo(99);
    }
}
