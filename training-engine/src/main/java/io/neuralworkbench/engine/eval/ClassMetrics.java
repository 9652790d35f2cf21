package io.neuralworkbench.engine.eval;

import java.util.Objects;

/**
 * Precision, recall and F1 of one class, treating it as "positive" and all others as "negative".
 * {@code support} is the number of samples whose actual class this is.
 */
public record ClassMetrics(String className, double precision, double recall, double f1, int support) {
    public ClassMetrics {
        Objects.requireNonNull(className, "className");
    }
}
