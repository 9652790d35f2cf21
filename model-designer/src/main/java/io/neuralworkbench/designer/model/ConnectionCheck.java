package io.neuralworkbench.designer.model;

import io.neuralworkbench.engine.network.Diagnostic;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.ShapeInference;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Whether a wire may be drawn, asked while the user drags it; the answer is the reason it may not. */
public final class ConnectionCheck {
    private ConnectionCheck() {
    }

    /** Why a wire from {@code from} to {@code to} would be wrong, or empty when it may be drawn. */
    public static Optional<String> problem(NetworkDescription network, String from, String to) {
        return problem(network, from, to, null);
    }

    /**
     * Like {@link #problem(NetworkDescription, String, String)}, given the network's current shape diagnostics
     * (which the designer already has), so only the network with the new wire needs shape inference.
     */
    public static Optional<String> problem(NetworkDescription network, String from, String to,
                                           List<Diagnostic> currentDiagnostics) {
        if (network.node(from).isEmpty() || network.node(to).isEmpty()) {
            return Optional.of("There is no node named " + (network.node(from).isEmpty() ? from : to) + ".");
        }
        Layer source = network.node(from).get().layer();
        Layer target = network.node(to).get().layer();
        List<String> inputs = network.inputsOf(to);
        if (from.equals(to)) {
            return Optional.of("A node cannot feed itself: data flows from inputs to outputs.");
        }
        if (inputs.contains(from)) {
            return Optional.of(from + " already feeds " + to + ".");
        }
        if (target.maxInputs() == 0) {
            return Optional.of(to + " is an input node: data enters there, nothing can be wired into it.");
        }
        if (source instanceof Layer.Output) {
            return Optional.of(from + " is an output node: it ends the network and feeds nothing.");
        }
        if (inputs.size() >= target.maxInputs()) {
            return Optional.of(to + " takes one input and already gets " + String.join(", ", inputs)
                    + "; remove that wire first, or join the branches with an add or concatenate node.");
        }
        if (reaches(network, to, from)) {
            return Optional.of("A wire from " + from + " to " + to + " would make a loop: " + to + " already feeds "
                    + from + ".");
        }
        List<Diagnostic> existing = currentDiagnostics != null ? currentDiagnostics
                : ShapeInference.infer(network).diagnostics();
        return shapeProblem(existing, network.withEdge(new Edge(from, to)), to);
    }

    /** A shape error the wire would give the target that it does not have already. */
    private static Optional<String> shapeProblem(List<Diagnostic> existing, NetworkDescription after, String to) {
        return ShapeInference.infer(after).diagnostics().stream()
                .filter(diagnostic -> to.equals(diagnostic.node()) && diagnostic.isError())
                .filter(diagnostic -> !existing.contains(diagnostic))
                .findFirst()
                .map(diagnostic -> diagnostic.message() + (diagnostic.hint() == null ? "." : ": " + diagnostic.hint() + "."));
    }

    private static boolean reaches(NetworkDescription network, String start, String goal) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String node = todo.pop();
            if (node.equals(goal)) {
                return true;
            }
            if (seen.add(node)) {
                todo.addAll(network.outputsOf(node));
            }
        }
        return false;
    }
}
