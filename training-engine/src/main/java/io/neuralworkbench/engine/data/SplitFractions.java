package io.neuralworkbench.engine.data;

import io.neuralworkbench.engine.UserInputException;

/** How the usable rows are shared between training, validation and test; the fractions add up to 1. */
public record SplitFractions(double train, double validation, double test) {
    public static final SplitFractions DEFAULT = new SplitFractions(0.70, 0.15, 0.15);
    /** Rounding slack when checking that the fractions add up to 1 (0.7 + 0.15 + 0.15 is not exactly 1). */
    private static final double TOLERANCE = 1e-6;

    /**
     * @throws UserInputException unless every fraction is between 0 and 1, training is above 0, and they
     *                            add up to 1
     */
    public SplitFractions {
        boolean inRange = train > 0 && train <= 1 && validation >= 0 && test >= 0;
        if (!inRange || Math.abs(train + validation + test - 1) > TOLERANCE) {
            throw new UserInputException("split fractions " + train + " / " + validation + " / " + test
                    + " do not work — give training more than 0 and make the three add up to 1 (e.g. 0.7 / 0.15"
                    + " / 0.15)");
        }
    }
}
