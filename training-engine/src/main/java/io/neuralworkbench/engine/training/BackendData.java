package io.neuralworkbench.engine.training;

/** A dataset copied once into a backend's own memory layout, so batches are cut from it without conversion. */
public interface BackendData extends AutoCloseable {
    int size();

    @Override
    void close();
}
