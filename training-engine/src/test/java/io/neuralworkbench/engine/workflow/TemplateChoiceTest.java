package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.SharedDatasets;
import io.neuralworkbench.engine.data.image.ImagePreprocessing;
import io.neuralworkbench.engine.data.text.TextDatasets;
import io.neuralworkbench.engine.data.text.TextEncoding;
import io.neuralworkbench.engine.data.text.TextOptions;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.NetworkValidator;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.neuralworkbench.engine.workflow.TemplateChoice.LENET;
import static io.neuralworkbench.engine.workflow.TemplateChoice.LSTM;
import static io.neuralworkbench.engine.workflow.TemplateChoice.MLP;
import static io.neuralworkbench.engine.workflow.TemplateChoice.RESIDUAL;
import static io.neuralworkbench.engine.workflow.TemplateChoice.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateChoiceTest {
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static TextPreprocessing smsSpam(TextEncoding encoding) {
        return (TextPreprocessing) TextDatasets.fromTable(SharedDatasets.SMS_SPAM, "SMS", "Label",
                TextOptions.defaults().withEncoding(encoding)).preprocessing();
    }

    private static Layer layerOf(NetworkDescription network, String nodeName) {
        return network.nodes().stream().filter(node -> node.name().equals(nodeName)).map(Node::layer).findFirst()
                .orElseThrow();
    }

    private static void assertValid(NetworkDescription network) {
        assertThat(NetworkValidator.validate(network)).noneMatch(d -> d.isError());
    }

    @Test
    void tokenSequencesTakeTheTextAndLstmTemplatesWithTheirVocabulary() {
        TextPreprocessing text = smsSpam(TextEncoding.SEQUENCE);
        int vocabulary = text.vocabulary().size();

        assertThat(TemplateChoice.suitableFor(text)).containsExactly(TEXT, LSTM);
        assertThat(ModelTraining.defaultNetwork(text)).isEqualTo(TEXT.sizedFor(text));
        NetworkDescription lstm = LSTM.sizedFor(text);
        assertThat(layerOf(lstm, "embedding")).isEqualTo(Layer.Embedding.of(vocabulary, 32));
        assertThat(layerOf(lstm, "output")).isEqualTo(Layer.Output.classification(2));
        assertValid(lstm);
        assertThatThrownBy(() -> LENET.sizedFor(text)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("lenet template cannot take").hasMessageContaining("choose text or lstm");
    }

    @Test
    void wordVectorsTakeOnlyTheMlp() {
        TextPreprocessing tfIdf = smsSpam(TextEncoding.TF_IDF);

        assertThat(TemplateChoice.suitableFor(tfIdf)).containsExactly(MLP);
        assertThat(layerOf(MLP.sizedFor(tfIdf), "input")).isEqualTo(Layer.Input.flat(tfIdf.vocabulary().size()));
    }

    @Test
    void imagesTakeTheConvolutionalTemplatesAndAFlattenedMlp() {
        InputPreprocessing digits = ImagePreprocessing.unitRange(28, 28, 1, DIGITS);

        assertThat(TemplateChoice.suitableFor(digits)).containsExactly(MLP, LENET, RESIDUAL);
        NetworkDescription mlp = MLP.sizedFor(digits);
        assertThat(layerOf(mlp, "input")).isEqualTo(new Layer.Input(new Shape.Image(28, 28, 1)));
        assertThat(layerOf(mlp, "flatten")).isInstanceOf(Layer.Flatten.class);
        assertValid(mlp);
        assertValid(RESIDUAL.sizedFor(digits));
    }

    @Test
    void namesAreReadWithoutCaseAndAnUnknownOneListsTheChoices() {
        assertThat(TemplateChoice.named("LeNet")).isEqualTo(LENET);
        assertThatThrownBy(() -> TemplateChoice.named("gpt")).isInstanceOf(UserInputException.class)
                .hasMessage("Unknown template \"gpt\" — choose one of mlp, lenet, residual, text, lstm.");
    }
}
