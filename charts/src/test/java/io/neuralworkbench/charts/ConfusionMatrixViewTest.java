package io.neuralworkbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralworkbench.engine.eval.ClassificationMetrics;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConfusionMatrixViewTest {
    private static final List<String> IRIS = List.of("setosa", "versicolor", "virginica");
    private ConfusionMatrixView view;
    private final List<int[]> clicks = new ArrayList<>();

    @Start
    void start(Stage stage) {
        view = new ConfusionMatrixView();
        // actual:    0 0 0 0 1 1 1 2 2 2
        // predicted: 0 0 0 1 1 1 2 2 2 1
        view.setMetrics(ClassificationMetrics.compute(new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2},
                new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 1}, IRIS));
        view.setOnCellClicked((actual, predicted) -> clicks.add(new int[] {actual, predicted}));
        stage.setScene(new Scene(view, 600, 400));
        stage.show();
    }

    @Test
    void clickingACellReportsItsActualAndPredictedClass(FxRobot robot) {
        robot.clickOn("#cell-1-2");
        robot.clickOn("#cell-2-1");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(clicks).containsExactly(new int[] {1, 2}, new int[] {2, 1});
    }

    @Test
    void showsCountsAndRowSharesWhenNormalized(FxRobot robot) {
        assertThat(view.cellText(0, 0)).isEqualTo("3");
        assertThat(view.cellText(0, 1)).isEqualTo("1");
        assertThat(view.cellText(2, 0)).isEqualTo("0");
        // The largest count is the darkest cell, an empty cell the lightest.
        assertThat(view.cellColor(0, 0).getBrightness()).isLessThan(view.cellColor(0, 1).getBrightness());
        assertThat(view.cellColor(0, 1).getBrightness()).isLessThan(view.cellColor(2, 0).getBrightness());

        robot.clickOn("#normalize");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.cellText(0, 0)).isEqualTo("0.75");
        assertThat(view.cellText(1, 1)).isEqualTo("0.67");
        assertThat(view.cellText(2, 1)).isEqualTo("0.33");
    }

    @Test
    void aNewEpochsMatrixUpdatesTheSameCells() throws Exception {
        var before = robotLookupCell();
        WaitForAsyncUtils.asyncFx(() -> view.setMatrix(IRIS,
                List.of(List.of(4, 0, 0), List.of(0, 3, 0), List.of(0, 0, 3)))).get();

        assertThat(view.cellText(0, 0)).isEqualTo("4");
        assertThat(view.cellText(0, 1)).isEqualTo("0");
        assertThat(robotLookupCell()).isSameAs(before);
    }

    @Test
    void presentationModeEnlargesTheText() throws Exception {
        javafx.scene.control.Label count = (javafx.scene.control.Label) ((javafx.scene.layout.StackPane)
                view.lookup("#cell-0-0")).getChildren().get(0);
        double normalSize = count.getFont().getSize();

        WaitForAsyncUtils.asyncFx(() -> {
            view.setPresentationMode(true);
            view.applyCss();
        }).get();

        assertThat(view.getStyleClass()).contains(ChartComponent.PRESENTATION_STYLE_CLASS);
        assertThat(count.getFont().getSize()).isGreaterThanOrEqualTo(20).isGreaterThan(normalSize);
    }

    @Test
    void rejectsAMatrixThatDoesNotFitTheClasses() {
        assertThatThrownBy(() -> view.setMatrix(IRIS, List.of(List.of(1, 2, 3), List.of(1, 2))))
                .hasMessageContaining("3 class names but 2 matrix rows");
    }

    private javafx.scene.Node robotLookupCell() {
        return view.lookup("#cell-0-0");
    }
}
