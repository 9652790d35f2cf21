package io.neuralworkbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralworkbench.engine.training.LayerParameters;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The histogram strips and the filter grid pick up what another thread hands them, and follow the window's mode. */
@ExtendWith(ApplicationExtension.class)
class LayerInsightViewsTest {
    private LayerHistogramsView histograms;
    private FilterGridView filters;
    private HBox root;

    @Start
    void start(Stage stage) {
        histograms = new LayerHistogramsView();
        filters = new FilterGridView();
        root = new HBox(histograms, filters);
        histograms.setPrefSize(500, 500);
        stage.setScene(new Scene(root, 900, 500));
        stage.show();
    }

    private static ValueHistogram around(float centre) {
        return ValueHistogram.of(new float[] {centre - 1, centre, centre, centre + 1}, 4);
    }

    @Test
    void epochsAddedOffTheFxThreadBecomeOneStripPerLayerAndKind() throws Exception {
        Thread training = new Thread(() -> {
            histograms.addEpoch(0, Map.of("hidden", around(0)), Map.of("hidden", around(1)));
            histograms.addEpoch(4, Map.of("hidden", around(2)), Map.of("hidden", around(3)));
        });
        training.start();
        training.join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> histograms.epochsShown() == 2).get());

        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(histograms.stripNames()).containsExactly("hidden · weights", "hidden · activations");
            assertThat(histograms.history("hidden", LayerHistogramsView.Kind.WEIGHTS))
                    .extracting(ValueHistogram::max).containsExactly(1.0, 3.0);
            assertThat(histograms.epochsOf("hidden", LayerHistogramsView.Kind.ACTIVATIONS)).containsExactly(0, 4);
            histograms.clear();
            assertThat(histograms.stripNames()).isEmpty();
        }).get();
    }

    @Test
    void filtersAreShownAsImagesLightWhereTheWeightIsLarge() throws Exception {
        // one 1 × 2 filter: small weight left, large right
        filters.show(ConvolutionFilters.of(new LayerParameters("conv1", "W", new long[] {1, 1, 1, 2},
                new float[] {-0.3f, 0.7f})));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> filters.shownFilters() != null).get());

        Image image = WaitForAsyncUtils.asyncFx(() -> filters.filterImage(0)).get();
        assertThat(image.getPixelReader().getColor(0, 0)).isEqualTo(Color.gray(0));
        assertThat(image.getPixelReader().getColor(1, 0)).isEqualTo(Color.gray(1));
    }

    @Test
    void theWindowsPresentationClassSwitchesCanvasChartsToo(FxRobot robot) throws Exception {
        assertThat(histograms.isPresentationMode()).isFalse();
        robot.interact(() -> root.getStyleClass().add(ChartComponent.PRESENTATION_STYLE_CLASS));
        assertThat(histograms.isPresentationMode()).isTrue();
        assertThat(filters.isPresentationMode()).isTrue();
        robot.interact(() -> root.getStyleClass().remove(ChartComponent.PRESENTATION_STYLE_CLASS));
        assertThat(filters.isPresentationMode()).isFalse();
    }
}
