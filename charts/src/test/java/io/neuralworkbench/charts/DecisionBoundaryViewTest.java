package io.neuralworkbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DecisionBoundaryViewTest {
    private static final float[][] POINTS = {{-1, -1}, {-0.8f, 0.9f}, {1, 1}, {0.7f, -0.9f}};
    private static final int[] CLASSES = {0, 0, 1, 1};

    /** Class 1 right of x = 0. */
    private static final DecisionBoundaryView.Predictor VERTICAL_SPLIT = points -> split(points, 0);
    /** Class 1 above y = 0. */
    private static final DecisionBoundaryView.Predictor HORIZONTAL_SPLIT = points -> split(points, 1);

    private DecisionBoundaryView view;

    @Start
    void start(Stage stage) {
        view = new DecisionBoundaryView(40);
        view.setData(POINTS, CLASSES, List.of("left", "right"), "x₁", "x₂");
        stage.setScene(new Scene(view, 500, 500));
        stage.show();
    }

    private static float[][] split(float[][] points, int feature) {
        float[][] probabilities = new float[points.length][];
        for (int i = 0; i < points.length; i++) {
            float p = 1 / (1 + (float) Math.exp(-5 * points[i][feature]));
            probabilities[i] = new float[] {1 - p, p};
        }
        return probabilities;
    }

    private Image awaitImageAfter(long predictionsBefore) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> view.predictionCount() > predictionsBefore && view.boundaryImage() != null).get());
        Image[] image = new Image[1];
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            image[0] = WaitForAsyncUtils.asyncFx(view::boundaryImage).get();
            return image[0] != null;
        });
        return image[0];
    }

    @Test
    void differentPredictorsGiveDifferentImages() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.setPredictor(VERTICAL_SPLIT)).get();
        Image vertical = awaitImageAfter(0);
        // Top-left cell: x < 0 → class 0; bottom-right: x > 0 → class 1.
        assertThat(hueDistance(vertical.getPixelReader().getColor(0, 0), ChartComponent.categoryColor(0))).isLessThan(10);
        assertThat(hueDistance(vertical.getPixelReader().getColor(39, 39), ChartComponent.categoryColor(1))).isLessThan(10);

        WaitForAsyncUtils.asyncFx(() -> view.setPredictor(HORIZONTAL_SPLIT)).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> view.boundaryImage() != vertical).get());
        Image horizontal = WaitForAsyncUtils.asyncFx(view::boundaryImage).get();
        // Top-left: y > 0 → class 1 now.
        assertThat(hueDistance(horizontal.getPixelReader().getColor(0, 0), ChartComponent.categoryColor(1))).isLessThan(10);
        assertThat(differingPixels(vertical, horizontal)).isGreaterThan(40 * 40 / 3);
    }

    @Test
    void predictionsMadeByTheCallerOnItsOwnThreadAreShown() throws Exception {
        Thread training = new Thread(() -> {
            float[][] grid = view.gridPoints();
            view.showPredictions(grid, HORIZONTAL_SPLIT.predict(grid));
        });
        training.start();
        training.join();
        Image horizontal = awaitImageAfter(0);

        // Top-left cell: y > 0 → class 1; bottom-left: class 0.
        assertThat(hueDistance(horizontal.getPixelReader().getColor(0, 0), ChartComponent.categoryColor(1))).isLessThan(10);
        assertThat(hueDistance(horizontal.getPixelReader().getColor(0, 39), ChartComponent.categoryColor(0))).isLessThan(10);
        assertThat(view.gridPoints()).hasNumberOfRows(40 * 40);
    }

    @Test
    void predictionsForAGridThatIsNoLongerCurrentAreDropped() throws Exception {
        float[][] before = view.gridPoints();
        WaitForAsyncUtils.asyncFx(() -> view.setData(new float[][] {{5, 5}, {9, 9}}, new int[] {0, 1},
                List.of("a", "b"), "x", "y")).get();
        view.showPredictions(before, VERTICAL_SPLIT.predict(before));
        assertThat(view.predictionCount()).isZero();
        assertThat(view.gridPoints()).isNotSameAs(before);
    }

    @Test
    void pointsAreDrawnInTheirClassColours() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.setPredictor(VERTICAL_SPLIT)).get();
        awaitImageAfter(0);
        WaitForAsyncUtils.waitForFxEvents(3);

        WritableImage snapshot = WaitForAsyncUtils.asyncFx(() -> view.canvas().snapshot(null, null)).get();
        for (int i = 0; i < POINTS.length; i++) {
            int x = (int) Math.round(view.toCanvasX(POINTS[i][0]));
            int y = (int) Math.round(view.toCanvasY(POINTS[i][1]));
            Color drawn = snapshot.getPixelReader().getColor(x, y);
            Color expected = ChartComponent.categoryColor(CLASSES[i]);
            assertThat(drawn.getRed()).as("point %d red", i).isCloseTo(expected.getRed(), org.assertj.core.api.Assertions.within(0.02));
            assertThat(drawn.getGreen()).as("point %d green", i).isCloseTo(expected.getGreen(), org.assertj.core.api.Assertions.within(0.02));
            assertThat(drawn.getBlue()).as("point %d blue", i).isCloseTo(expected.getBlue(), org.assertj.core.api.Assertions.within(0.02));
        }
    }

    @Test
    void requestsDuringASlowPredictionAreMergedNotQueued() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        DecisionBoundaryView.Predictor slow = points -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return VERTICAL_SPLIT.predict(points);
        };
        WaitForAsyncUtils.asyncFx(() -> view.setPredictor(slow)).get();
        // A training loop asking after every one of 200 batches, from its own thread, over about a second.
        Thread trainer = new Thread(() -> {
            for (int batch = 0; batch < 200; batch++) {
                view.requestRedraw();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        trainer.start();
        trainer.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(800); // let the last merged request run
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(calls.get()).isGreaterThanOrEqualTo(2)
                .isLessThanOrEqualTo((int) Math.ceil((seconds + 0.8) * DecisionBoundaryView.MAX_UPDATES_PER_SECOND) + 1);
    }

    private static double hueDistance(Color a, Color b) {
        double d = Math.abs(a.getHue() - b.getHue());
        return Math.min(d, 360 - d);
    }

    private static int differingPixels(Image a, Image b) {
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (!a.getPixelReader().getColor(x, y).equals(b.getPixelReader().getColor(x, y))) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
