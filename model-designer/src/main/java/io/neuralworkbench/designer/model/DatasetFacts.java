package io.neuralworkbench.designer.model;

import io.neuralworkbench.engine.network.Shape;

import java.util.Objects;

/**
 * What the loaded dataset says the network's ends must be: the shape of one sample and the width of the
 * target (the number of classes, or of values to predict).
 */
public record DatasetFacts(Shape sampleShape, int targetWidth, boolean classification) {
    public DatasetFacts {
        Objects.requireNonNull(sampleShape, "sampleShape");
        if (targetWidth < 1) {
            throw new IllegalArgumentException("a dataset predicts at least one value, was " + targetWidth);
        }
    }

    public String describeTarget() {
        return classification ? targetWidth + " classes" : targetWidth + (targetWidth == 1 ? " target" : " targets");
    }
}
