package io.neuralworkbench.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class NodeLayoutTest {

    @Test
    void snapsToTheNearestGridIntersection() {
        NodeLayout snapped = new NodeLayout("dense1", 37.0, 52.0).snapToGrid(20);

        assertThat(snapped).isEqualTo(new NodeLayout("dense1", 40.0, 60.0));
    }

    @Test
    void snapsNegativeCoordinatesAndKeepsPointsAlreadyOnTheGrid() {
        assertThat(new NodeLayout("input", -29.0, -31.0).snapToGrid(20)).isEqualTo(new NodeLayout("input", -20.0, -40.0));
        assertThat(new NodeLayout("input", 40.0, 0.0).snapToGrid(20)).isEqualTo(new NodeLayout("input", 40.0, 0.0));
    }

    @Test
    void rejectsGridSpacingsThatAreNotPositive() {
        NodeLayout layout = new NodeLayout("output", 1, 2);

        assertThatIllegalArgumentException().isThrownBy(() -> layout.snapToGrid(0)).withMessageContaining("was 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> layout.snapToGrid(-5));
        assertThatIllegalArgumentException().isThrownBy(() -> layout.snapToGrid(Double.NaN));
    }
}
