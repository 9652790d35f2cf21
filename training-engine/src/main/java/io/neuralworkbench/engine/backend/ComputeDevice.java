package io.neuralworkbench.engine.backend;

import java.util.Objects;

/**
 * A device ND4J computes on: the processor for the CPU backend, each GPU for CUDA.
 *
 * @param memoryBytes the device's total memory (physical memory for the CPU); {@code null} when not known
 */
public record ComputeDevice(String name, Long memoryBytes) {
    public ComputeDevice {
        Objects.requireNonNull(name, "name");
    }
}
