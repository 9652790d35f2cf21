package io.neuralworkbench.engine.training;

/** A copy of a model's weights that can be put back later (best epoch, last good epoch). Opaque to callers. */
public interface ParameterSnapshot {
}
