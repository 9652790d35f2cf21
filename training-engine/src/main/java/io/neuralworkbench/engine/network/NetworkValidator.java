package io.neuralworkbench.engine.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Everything that is wrong with a network, or probably not what the user wants, in words a student
 * understands: the wiring (names, loops, loose ends, input counts), the shapes (via {@link ShapeInference})
 * and the settings (dropout rate, output activation and loss).
 */
public final class NetworkValidator {

    private NetworkValidator() {
    }

    /** All diagnostics, errors before warnings, otherwise in the order of the nodes. */
    public static List<Diagnostic> validate(NetworkDescription network) {
        List<Diagnostic> found = new ArrayList<>();
        Graph graph = new Graph(network);
        checkNames(network, found);
        checkWires(network, graph, found);
        checkEnds(network, graph, found);
        for (Node node : distinctNodes(network)) {
            checkSettings(node, found);
        }
        found.addAll(ShapeInference.infer(network).diagnostics());
        found.sort(Comparator.comparing(Diagnostic::severity)); // stable: keeps the order within a severity
        return List.copyOf(found);
    }

    /** True when the network has no errors (warnings allowed), so it can be built and trained. */
    public static boolean isValid(NetworkDescription network) {
        return validate(network).stream().noneMatch(Diagnostic::isError);
    }

    private static void checkNames(NetworkDescription network, List<Diagnostic> found) {
        Map<String, Long> counts = network.nodes().stream()
                .collect(Collectors.groupingBy(Node::name, LinkedHashMap::new, Collectors.counting()));
        counts.forEach((name, count) -> {
            if (count > 1) {
                found.add(Diagnostic.error(name, count + " nodes are named " + name
                        + "; wires and messages could not tell them apart", "give each node its own name"));
            }
        });
    }

    private static void checkWires(NetworkDescription network, Graph graph, List<Diagnostic> found) {
        Set<String> names = network.nodes().stream().map(Node::name).collect(Collectors.toSet());
        for (Edge edge : network.edges()) {
            boolean fromKnown = names.contains(edge.from());
            boolean toKnown = names.contains(edge.to());
            if (!fromKnown || !toKnown) {
                String missing = fromKnown ? edge.to() : edge.from();
                found.add(Diagnostic.error(fromKnown ? edge.from() : toKnown ? edge.to() : null,
                        "A wire from " + edge.from() + " to " + edge.to() + " names " + missing
                                + ", but there is no node of that name",
                        "remove the wire, or add or rename a node to " + missing));
            } else if (edge.from().equals(edge.to())) {
                found.add(Diagnostic.error(edge.from(), edge.from() + " is wired to itself",
                        "remove the wire from " + edge.from() + " to itself: data must flow from inputs to outputs"));
            }
        }
        for (List<String> cycle : graph.cycles()) {
            found.add(Diagnostic.error(cycle.get(0), "These nodes feed each other in a loop: "
                            + String.join(" → ", cycle) + " → " + cycle.get(0),
                    "data must flow one way from inputs to outputs: remove one of the wires in the loop"));
        }
        for (Node node : distinctNodes(network)) {
            checkInputCount(network, node, found);
            if (node.layer() instanceof Layer.Output && !network.outputsOf(node.name()).isEmpty()) {
                found.add(Diagnostic.error(node.name(), node.name() + " is an output node but feeds "
                                + String.join(", ", network.outputsOf(node.name())),
                        "an output node ends the network: remove its outgoing wires, or make it a dense layer"));
            }
        }
    }

    /** Too few inputs also covers "no data reaches it": a node is fed from an input unless a wire is missing. */
    private static void checkInputCount(NetworkDescription network, Node node, List<Diagnostic> found) {
        String name = node.name();
        List<String> inputs = network.inputsOf(name);
        Layer layer = node.layer();
        if (inputs.isEmpty() && network.outputsOf(name).isEmpty() && network.nodes().size() > 1) {
            found.add(Diagnostic.error(name, name + " is not connected to anything",
                    "wire it into the network, or delete it"));
        } else if (inputs.isEmpty() && layer.minInputs() > 0) {
            found.add(Diagnostic.error(name, name + " has no input wire, so no data reaches it",
                    "wire the node that should feed " + name + " into it"));
        } else if (inputs.size() < layer.minInputs()) {
            found.add(Diagnostic.error(name, name + " joins only " + inputs.size() + " input, but it needs at least "
                    + layer.minInputs(), "wire another branch into " + name + ", or delete it"));
        } else if (inputs.size() > layer.maxInputs()) {
            found.add(layer.maxInputs() == 0
                    ? Diagnostic.error(name, name + " is an input node, so nothing can be wired into it, but "
                    + String.join(", ", inputs) + " is", "remove the wires into " + name)
                    : Diagnostic.error(name, name + " has " + inputs.size() + " incoming wires (from "
                    + String.join(", ", inputs) + "), but it takes only one",
                    "join them first with an add or a concatenate node"));
        }
    }

    /** The network needs both ends, and every branch must end in an output, or its work is wasted. */
    private static void checkEnds(NetworkDescription network, Graph graph, List<Diagnostic> found) {
        List<String> inputs = namesOf(network, layer -> layer instanceof Layer.Input);
        List<String> outputs = namesOf(network, layer -> layer instanceof Layer.Output);
        if (inputs.isEmpty()) {
            found.add(Diagnostic.error(null, "The network has no input node",
                    "add an input node with the shape of your data and wire it to the first layer"));
        }
        if (outputs.isEmpty()) {
            found.add(Diagnostic.error(null, "The network has no output node",
                    "add an output node after the last layer: it makes the prediction and holds the loss"));
            return;
        }
        Set<String> reachingAnOutput = graph.reaching(outputs);
        for (Node node : distinctNodes(network)) {
            String name = node.name();
            boolean deadEnd = network.outputsOf(name).isEmpty() && !network.inputsOf(name).isEmpty();
            if (deadEnd && !reachingAnOutput.contains(name)) {
                found.add(Diagnostic.error(name, name + " is a dead end: its result does not reach any output node",
                        "wire " + name + " onward to the output, or delete it"));
            }
        }
    }

    private static void checkSettings(Node node, List<Diagnostic> found) {
        String name = node.name();
        if (node.layer() instanceof Layer.Dropout dropout && !(dropout.rate() >= 0 && dropout.rate() < 1)) {
            found.add(Diagnostic.error(name, name + " has dropout rate " + dropout.rate()
                    + ", but it must be at least 0 and below 1", "a rate between 0.2 and 0.5 is usual"));
        }
        if (node.layer() instanceof Layer.Output output) {
            checkOutput(name, output, found);
        }
    }

    private static void checkOutput(String name, Layer.Output output, List<Diagnostic> found) {
        Activation activation = output.activation();
        Loss loss = output.loss();
        if (activation == Activation.SOFTMAX && output.units() == 1) {
            found.add(Diagnostic.error(name, name + " uses softmax on a single unit, so it always outputs 1.0",
                    "for two classes use 2 units with softmax, or 1 unit with sigmoid and binary cross-entropy"));
        }
        if (activation == Activation.SOFTMAX && !loss.isClassification()) {
            found.add(Diagnostic.warning(name, name + " uses softmax with " + loss.displayName()
                    + ", which trains slowly for classification", "use cross-entropy as the loss"));
        }
        if (loss == Loss.CROSS_ENTROPY && activation != Activation.SOFTMAX) {
            found.add(Diagnostic.warning(name, name + " uses cross-entropy with " + activation.displayName()
                            + "; cross-entropy expects class probabilities that add up to 1, as softmax gives",
                    "set the activation to softmax, or use sigmoid with binary cross-entropy for yes/no outputs"));
        }
        if (loss == Loss.BINARY_CROSS_ENTROPY && activation != Activation.SIGMOID) {
            found.add(Diagnostic.warning(name, name + " uses binary cross-entropy with " + activation.displayName()
                            + "; it expects a probability between 0 and 1 for each output, as sigmoid gives",
                    "set the activation to sigmoid"));
        }
    }

    /** The first node of each name: a repeated name is reported once, not checked twice. */
    private static List<Node> distinctNodes(NetworkDescription network) {
        Set<String> seen = new HashSet<>();
        return network.nodes().stream().filter(node -> seen.add(node.name())).toList();
    }

    private static List<String> namesOf(NetworkDescription network, Predicate<Layer> kind) {
        return network.nodes().stream().filter(node -> kind.test(node.layer())).map(Node::name).toList();
    }
}
