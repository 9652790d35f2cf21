package io.neuralworkbench.designer.model;

import io.neuralworkbench.engine.network.Shape;

import java.util.List;

/**
 * What validation says about one node.
 *
 * @param outputShape  what the node passes on, or null when it cannot be known (a problem here or upstream)
 * @param parameters   learnable values, or null with an unknown shape
 * @param multiplyAdds multiply-add operations per sample (0 when unknown or free)
 */
public record NodeReport(String name, Shape outputShape, Long parameters, long multiplyAdds, List<Problem> problems) {
    public NodeReport {
        problems = List.copyOf(problems);
    }

    public boolean hasError() {
        return problems.stream().anyMatch(problem -> problem.diagnostic().isError());
    }
}
