package io.neuralworkbench.engine.workflow;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.Templates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A template chosen by its short name (as the CLI's {@code --template} takes it) and sized to the data. A
 * template that cannot take the data is refused with the names of those that can.
 */
public enum TemplateChoice {
    /** Dense layers; images are flattened first. */
    MLP("mlp"),
    LENET("lenet"),
    RESIDUAL("residual"),
    /** Word vectors averaged over the text. */
    TEXT("text"),
    /** An LSTM over sequences; over token ids it reads learned word vectors. */
    LSTM("lstm");

    private final String cliName;

    TemplateChoice(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** @throws UserInputException for a name that is not a template */
    public static TemplateChoice named(String name) {
        for (TemplateChoice choice : values()) {
            if (choice.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return choice;
            }
        }
        throw new UserInputException("Unknown template \"" + name + "\" — choose one of " + String.join(", ", allNames()) + ".");
    }

    public static List<String> allNames() {
        return Arrays.stream(values()).map(TemplateChoice::cliName).toList();
    }

    /** The templates that can take this data, the first one being the default. */
    public static List<TemplateChoice> suitableFor(InputPreprocessing preprocessing) {
        List<TemplateChoice> suitable = new ArrayList<>();
        for (TemplateChoice choice : values()) {
            if (choice.fits(preprocessing)) {
                suitable.add(choice);
            }
        }
        return suitable;
    }

    public boolean fits(InputPreprocessing preprocessing) {
        Shape shape = preprocessing.inputShape();
        boolean classification = preprocessing.task() == TaskType.CLASSIFICATION;
        boolean tokens = preprocessing.tokenVocabularySize().isPresent();
        return switch (this) {
            case MLP -> shape instanceof Shape.Flat || shape instanceof Shape.Image;
            case LENET, RESIDUAL -> shape instanceof Shape.Image && classification;
            case TEXT -> shape instanceof Shape.Sequence && tokens && classification;
            case LSTM -> shape instanceof Shape.Sequence && classification;
        };
    }

    /**
     * This template sized to the data: its input shape, vocabulary and number of classes or targets.
     *
     * @throws UserInputException if the template cannot take this kind of data
     */
    public NetworkDescription sizedFor(InputPreprocessing preprocessing) {
        if (!fits(preprocessing)) {
            List<String> suitable = suitableFor(preprocessing).stream().map(TemplateChoice::cliName).toList();
            throw new UserInputException("The " + cliName + " template cannot take "
                    + preprocessing.inputShape().describe() + " data"
                    + (preprocessing.task() == TaskType.REGRESSION ? " with a number to predict" : "")
                    + " — choose " + (suitable.isEmpty() ? "a network of your own" : String.join(" or ", suitable))
                    + ".");
        }
        boolean classification = preprocessing.task() == TaskType.CLASSIFICATION;
        int outputs = classification ? preprocessing.classNames().size() : 1;
        Shape shape = preprocessing.inputShape();
        return switch (this) {
            case MLP -> shape instanceof Shape.Image image ? flattenedMlp(image, outputs)
                    : classification ? Templates.mlpClassifier(((Shape.Flat) shape).size(), outputs)
                    : Templates.mlpRegressor(((Shape.Flat) shape).size(), outputs);
            case LENET -> {
                Shape.Image image = (Shape.Image) shape;
                yield Templates.lenet(image.height(), image.width(), image.channels(), outputs);
            }
            case RESIDUAL -> {
                Shape.Image image = (Shape.Image) shape;
                yield Templates.residualCnn(image.height(), image.width(), image.channels(), outputs);
            }
            case TEXT -> Templates.textClassifier(preprocessing.tokenVocabularySize().getAsInt(),
                    ((Shape.Sequence) shape).length(), outputs);
            case LSTM -> {
                Shape.Sequence sequence = (Shape.Sequence) shape;
                yield preprocessing.tokenVocabularySize().isPresent()
                        ? tokenLstm(preprocessing.tokenVocabularySize().getAsInt(), sequence.length(), outputs)
                        : Templates.lstmClassifier(sequence.features(), sequence.length(), outputs);
            }
        };
    }

    /** The MLP template's hidden layers behind a flatten, so it takes images as they are stored. */
    private static NetworkDescription flattenedMlp(Shape.Image image, int classes) {
        return NetworkDescription.builder("MLP classifier")
                .then("input", Layer.Input.image(image.height(), image.width(), image.channels()))
                .then("flatten", new Layer.Flatten())
                .then("dense1", Layer.Dense.of(128))
                .then("dense2", Layer.Dense.of(64))
                .then("output", Layer.Output.classification(classes))
                .build();
    }

    private static NetworkDescription tokenLstm(int vocabularySize, int sequenceLength, int classes) {
        return NetworkDescription.builder("LSTM text classifier")
                .then("input", Layer.Input.sequence(1, sequenceLength))
                .then("embedding", Layer.Embedding.of(vocabularySize, 32))
                .then("lstm", Layer.Lstm.of(64, false))
                .then("output", Layer.Output.classification(classes))
                .build();
    }
}
