package io.neuralworkbench.engine.network;

import java.util.Objects;

/** A wire from the output of node {@code from} to an input of node {@code to}. */
public record Edge(String from, String to) {
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
