package io.neuralworkbench.engine.training.pytorch;

import ai.djl.training.tracker.Tracker;

/**
 * A learning rate the session can change between batches. DJL's own trackers compute the rate from the update
 * count; the engine computes its schedule itself, so the optimizer just reads the current value.
 */
final class AdjustableLearningRate implements Tracker {
    private volatile float value;

    AdjustableLearningRate(double initial) {
        set(initial);
    }

    void set(double learningRate) {
        value = (float) learningRate;
    }

    float get() {
        return value;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return value;
    }
}
