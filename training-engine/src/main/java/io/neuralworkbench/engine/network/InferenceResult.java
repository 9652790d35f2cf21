package io.neuralworkbench.engine.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ShapeInference} worked out, in node order. A node is missing from the maps when its shape
 * cannot be known: its own problem is in {@code diagnostics}, or it lies downstream of one.
 *
 * @param outputShapes    the shape each node passes on, per sample
 * @param parameterCounts learnable values per node, counted as DL4J's {@code numParams()} counts them
 * @param diagnostics     shape problems only; {@link NetworkValidator} also checks the wiring and the settings
 */
public record InferenceResult(Map<String, Shape> outputShapes, Map<String, Long> parameterCounts,
                              List<Diagnostic> diagnostics) {

    public InferenceResult {
        outputShapes = Collections.unmodifiableMap(new LinkedHashMap<>(outputShapes));
        parameterCounts = Collections.unmodifiableMap(new LinkedHashMap<>(parameterCounts));
        diagnostics = List.copyOf(diagnostics);
    }

    public long totalParameters() {
        return parameterCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
