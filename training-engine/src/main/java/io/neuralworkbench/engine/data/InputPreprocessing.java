package io.neuralworkbench.engine.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.neuralworkbench.engine.data.image.ImagePreprocessing;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import io.neuralworkbench.engine.network.Shape;

import java.util.List;
import java.util.OptionalInt;

/**
 * What turns a user's raw samples (table rows, image files, texts) into a network's input, fitted on the
 * training split and saved in the model bundle so predictions replay it exactly. One implementation per
 * kind of data; each is an immutable record serialized by Jackson under a {@code kind} property (files
 * written before the property existed are tabular).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind",
        defaultImpl = FittedPreprocessing.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = FittedPreprocessing.class, name = "tabular"),
        @JsonSubTypes.Type(value = ImagePreprocessing.class, name = "image"),
        @JsonSubTypes.Type(value = TextPreprocessing.class, name = "text")
})
public interface InputPreprocessing {

    TaskType task();

    /** The classes in one-hot order (classification); empty for regression. */
    List<String> classNames();

    /** Width of one flat feature row the network receives. */
    int featureCount();

    /** The shape the network's input node must have for these features. */
    @JsonIgnore
    Shape inputShape();

    /** What the model predicts, for messages and prediction files (a column name, or "label"). */
    @JsonIgnore
    String targetName();

    /**
     * For inputs that are token indices (text), how many distinct indices there are: the vocabulary an
     * embedding layer must accept. Empty for other inputs.
     */
    @JsonIgnore
    default OptionalInt tokenVocabularySize() {
        return OptionalInt.empty();
    }

    /** A regression model's output in the target's own units; classification outputs have none. */
    default double toTargetUnits(double modelOutput) {
        throw new IllegalStateException("a classification target has no units");
    }
}
