package io.neuralworkbench.engine.data;

import java.util.Objects;

/** A missing-value strategy and, for {@link MissingValueStrategy#CONSTANT}, the value to fill in. */
public record MissingValueRule(MissingValueStrategy strategy, String constant) {
    public static final MissingValueRule DROP_ROW = new MissingValueRule(MissingValueStrategy.DROP_ROW, null);
    public static final MissingValueRule MEAN = new MissingValueRule(MissingValueStrategy.MEAN, null);
    public static final MissingValueRule MEDIAN = new MissingValueRule(MissingValueStrategy.MEDIAN, null);
    public static final MissingValueRule MOST_FREQUENT = new MissingValueRule(MissingValueStrategy.MOST_FREQUENT,
            null);

    public MissingValueRule {
        Objects.requireNonNull(strategy, "strategy");
        if ((strategy == MissingValueStrategy.CONSTANT) != (constant != null)) {
            throw new IllegalArgumentException("a constant goes with the CONSTANT strategy and only with it");
        }
    }

    public static MissingValueRule constant(String value) {
        return new MissingValueRule(MissingValueStrategy.CONSTANT, Objects.requireNonNull(value, "value"));
    }
}
