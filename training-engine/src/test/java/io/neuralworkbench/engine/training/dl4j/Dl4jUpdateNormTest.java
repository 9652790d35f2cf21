package io.neuralworkbench.engine.training.dl4j;

import io.neuralworkbench.engine.data.ArrayDataset;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The update norm DL4J reports is the size of the step the parameters really took. */
class Dl4jUpdateNormTest {

    @Test
    void lastUpdateNormIsTheNormOfTheParameterChange() {
        Random random = new Random(5);
        float[][] features = new float[32][4];
        float[][] targets = new float[32][3];
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 4; j++) {
                features[i][j] = (float) random.nextGaussian();
            }
            targets[i][i % 3] = 1;
        }
        ArrayDataset data = new ArrayDataset(features, targets, java.util.List.of("a", "b", "c"));
        try (Dl4jGraphModel model = (Dl4jGraphModel) new Dl4jGraphBackend().compile(Templates.mlpClassifier(4, 3),
                TrainingConfig.defaults().withLearningRate(0.01));
             BackendData uploaded = model.upload(data)) {
            for (int step = 0; step < 3; step++) {
                INDArray before = model.graph().params().dup();
                model.fitBatch(uploaded, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
                double moved = model.graph().params().sub(before).norm2Number().doubleValue();

                assertThat(moved).isPositive();
                assertThat(model.lastUpdateNorm()).isCloseTo(moved, within(moved * 1e-3));
                assertThat(model.parameterNorm())
                        .isCloseTo(model.graph().params().norm2Number().doubleValue(), within(1e-9));
            }
        }
    }
}
