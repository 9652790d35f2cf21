package io.neuralworkbench.bench;

/** One engine training one model on data it already holds; the child process times {@link #step}. */
interface TrainingLoop extends AutoCloseable {

    /** One optimisation step (forward, backward, Adam update) on the given rows; returns the batch loss. */
    double step(int[] rows);

    /** Trainable values, to check that both engines build the same architecture. */
    long parameterCount();

    /** How many threads the engine computes with, as it reports them. */
    String threads();

    @Override
    void close();
}
