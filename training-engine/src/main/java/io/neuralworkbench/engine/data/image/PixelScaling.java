package io.neuralworkbench.engine.data.image;

/** How pixel levels (0–255) become network inputs. */
public enum PixelScaling {
    /** Divided by 255: every input in [0, 1]. */
    UNIT_RANGE,
    /** Scaled to [0, 1], then centred and divided per channel by the mean and standard deviation of the training split. */
    STANDARDIZE
}
