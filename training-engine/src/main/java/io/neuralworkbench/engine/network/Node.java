package io.neuralworkbench.engine.network;

import java.util.Objects;

/** A named layer in the graph. Names are unique within a network and are what diagnostics refer to. */
public record Node(String name, Layer layer) {
    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layer, "layer");
    }
}
