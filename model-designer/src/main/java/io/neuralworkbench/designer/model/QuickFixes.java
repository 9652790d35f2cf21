package io.neuralworkbench.designer.model;

import io.neuralworkbench.designer.commands.EditHyperparameter;
import io.neuralworkbench.designer.commands.InsertBetween;
import io.neuralworkbench.designer.commands.RemoveNodes;
import io.neuralworkbench.engine.network.Activation;
import io.neuralworkbench.engine.network.Diagnostic;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Loss;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One-click fixes for common mistakes. The engine's diagnostics carry no codes, so a fix is chosen from the
 * situation of the node the diagnostic names (its layer, its input's shape), and the diagnostic's wording is
 * only used to tell apart the output-layer warnings; QuickFixesTest pins each case to what NetworkValidator says.
 */
public final class QuickFixes {
    private QuickFixes() {
    }

    /** The fix for a diagnostic, if there is a single obvious one. */
    public static Optional<QuickFix> forDiagnostic(Diagnostic diagnostic, NetworkDescription network,
                                                   Map<String, Shape> shapes) {
        String name = diagnostic.node();
        if (name == null || network.node(name).isEmpty()) {
            return Optional.empty();
        }
        Layer layer = network.node(name).get().layer();
        List<String> inputs = network.inputsOf(name);
        if (diagnostic.isError() && (layer instanceof Layer.Dense || layer instanceof Layer.Output)
                && inputs.size() == 1) {
            Shape incoming = shapes.get(inputs.get(0));
            if (incoming instanceof Shape.Image) {
                return Optional.of(new QuickFix("Insert a flatten between " + inputs.get(0) + " and " + name,
                        new InsertBetween(inputs.get(0), name, new Layer.Flatten())));
            }
            if (incoming instanceof Shape.Sequence) {
                return Optional.of(new QuickFix("Insert global pooling between " + inputs.get(0) + " and " + name,
                        new InsertBetween(inputs.get(0), name, Layer.GlobalPooling.avg())));
            }
        }
        if (layer instanceof Layer.Output output && !diagnostic.isError()) {
            String message = diagnostic.message();
            if (output.activation() == Activation.SOFTMAX && !output.loss().isClassification()
                    && message.contains("uses softmax with")) {
                return Optional.of(new QuickFix("Use cross-entropy as the loss of " + name,
                        new EditHyperparameter(name, "loss", Loss.CROSS_ENTROPY)));
            }
            if (output.loss() == Loss.CROSS_ENTROPY && output.activation() != Activation.SOFTMAX) {
                return Optional.of(new QuickFix("Set the activation of " + name + " to softmax",
                        new EditHyperparameter(name, "activation", Activation.SOFTMAX)));
            }
            if (output.loss() == Loss.BINARY_CROSS_ENTROPY && output.activation() != Activation.SIGMOID) {
                return Optional.of(new QuickFix("Set the activation of " + name + " to sigmoid",
                        new EditHyperparameter(name, "activation", Activation.SIGMOID)));
            }
        }
        if (layer instanceof Layer.Dropout dropout && !(dropout.rate() >= 0 && dropout.rate() < 1)) {
            return Optional.of(new QuickFix("Set the dropout rate of " + name + " to 0.5",
                    new EditHyperparameter(name, "rate", 0.5)));
        }
        if (inputs.isEmpty() && network.outputsOf(name).isEmpty() && diagnostic.message().contains("not connected")) {
            return Optional.of(new QuickFix("Delete " + name, new RemoveNodes(List.of(name))));
        }
        return Optional.empty();
    }

    /** Where the network's ends disagree with the loaded dataset, each with its fix. */
    public static List<Problem> datasetProblems(NetworkDescription network, DatasetFacts facts) {
        List<Problem> found = new ArrayList<>();
        if (facts == null) {
            return found;
        }
        network.nodes().forEach(node -> {
            if (node.layer() instanceof Layer.Input input && !input.shape().equals(facts.sampleShape())) {
                found.add(new Problem(Diagnostic.error(node.name(), node.name() + " receives "
                                + input.shape().describe() + ", but the dataset's samples are "
                                + facts.sampleShape().describe(), "give " + node.name() + " the dataset's shape"),
                        new QuickFix("Give " + node.name() + " the dataset's shape " + facts.sampleShape(),
                                new SetInputShape(node.name(), facts.sampleShape()))));
            }
            if (node.layer() instanceof Layer.Output output && output.units() != facts.targetWidth()) {
                found.add(new Problem(Diagnostic.error(node.name(), node.name() + " has " + output.units()
                                + " units, but the dataset has " + facts.describeTarget(),
                        "set the units of " + node.name() + " to " + facts.targetWidth()),
                        new QuickFix("Set the units of " + node.name() + " to " + facts.targetWidth(),
                                new EditHyperparameter(node.name(), "units", facts.targetWidth()))));
            }
        });
        return found;
    }

    /** Replaces an input's whole shape in one step (kind and sizes), so it undoes in one step too. */
    private record SetInputShape(String nodeName, Shape shape) implements DesignerCommand {
        @Override
        public DesignState applyTo(DesignState state) {
            if (!(state.node(nodeName).layer() instanceof Layer.Input)) {
                throw new CommandRefusedException(nodeName + " is not an input node.");
            }
            return state.withNetwork(state.network().withLayer(nodeName, new Layer.Input(shape)));
        }

        @Override
        public String description() {
            return "set the shape of " + nodeName + " to " + shape;
        }
    }
}
