package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.Templates;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelTrainingTest {

    /** Preprocessing of any kind, reduced to what sizing the network reads. */
    private record FakePreprocessing(Shape inputShape, List<String> classNames, Integer vocabulary)
            implements InputPreprocessing {
        @Override
        public TaskType task() {
            return classNames.isEmpty() ? TaskType.REGRESSION : TaskType.CLASSIFICATION;
        }

        @Override
        public int featureCount() {
            return (int) inputShape.elementCount();
        }

        @Override
        public String targetName() {
            return "label";
        }

        @Override
        public OptionalInt tokenVocabularySize() {
            return vocabulary == null ? OptionalInt.empty() : OptionalInt.of(vocabulary);
        }
    }

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @Test
    void theDefaultNetworkFollowsTheKindOfData() {
        NetworkDescription images = ModelTraining.defaultNetwork(
                new FakePreprocessing(new Shape.Image(28, 28, 1), DIGITS, null));
        assertThat(images).isEqualTo(Templates.lenet(28, 28, 1, 10));

        NetworkDescription texts = ModelTraining.defaultNetwork(
                new FakePreprocessing(new Shape.Sequence(1, 40), List.of("ham", "spam"), 500));
        assertThat(texts).isEqualTo(Templates.textClassifier(500, 40, 2));

        NetworkDescription table = ModelTraining.defaultNetwork(new FakePreprocessing(new Shape.Flat(7), List.of(), null));
        assertThat(table).isEqualTo(Templates.mlpRegressor(7, 1));
    }

    @Test
    void aNetworkForTheSameKindOfDataIsResizedAndTheUserIsTold() {
        List<String> notes = new ArrayList<>();
        NetworkDescription sized = ModelTraining.fitToData(Templates.textClassifier(10_000, 100, 2),
                new FakePreprocessing(new Shape.Sequence(1, 40), List.of("a", "b", "c"), 500), notes);

        assertThat(sized).isEqualTo(Templates.textClassifier(500, 40, 3));
        assertThat(notes).hasSize(3).anySatisfy(note -> assertThat(note).contains("vocabulary of 500 tokens"))
                .anySatisfy(note -> assertThat(note).contains("to 3 classes"));
    }

    @Test
    void aNetworkForAnotherKindOfDataIsRefusedWithTheTemplateToUse() {
        assertThatThrownBy(() -> ModelTraining.fitToData(Templates.lenet(28, 28, 1, 10),
                new FakePreprocessing(new Shape.Flat(4), List.of("x", "y"), null), new ArrayList<>()))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("expects an image")
                .hasMessageContaining("the MLP template");
    }

    @Test
    void anImageNetworkTakesTheDatasImageSize() {
        List<String> notes = new ArrayList<>();
        NetworkDescription sized = ModelTraining.fitToData(Templates.lenet(28, 28, 1, 10),
                new FakePreprocessing(new Shape.Image(32, 32, 3), DIGITS, null), notes);

        assertThat(sized.nodes()).anySatisfy(node ->
                assertThat(node.layer()).isEqualTo(new Layer.Input(new Shape.Image(32, 32, 3))));
        assertThat(notes).singleElement().asString().contains("resized");
    }
}
