package io.neuralworkbench.app.gui.design;

import io.neuralworkbench.designer.model.DatasetFacts;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.Problem;
import io.neuralworkbench.designer.model.QuickFixes;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Node;

import java.util.List;
import java.util.Optional;

/**
 * "Start from the dataset": gives the input nodes the data's sample shape and the output nodes its class count
 * (or number of targets), as one undoable edit made of the designer's own dataset fixes.
 */
record FitToDataset(List<DesignerCommand> fixes, String summary) implements DesignerCommand {

    /**
     * The edit that fits {@code network} to the data, or empty when it already fits or cannot be fitted by
     * resizing (see {@link #kindMismatch}).
     */
    static Optional<FitToDataset> of(NetworkDescription network, DatasetFacts facts) {
        if (kindMismatch(network, facts).isPresent()) {
            return Optional.empty();
        }
        List<Problem> problems = QuickFixes.datasetProblems(network, facts);
        List<DesignerCommand> fixes = problems.stream().flatMap(p -> p.quickFix().stream())
                .map(fix -> fix.command()).toList();
        if (fixes.isEmpty()) {
            return Optional.empty();
        }
        String summary = "Sized to the data (Ctrl+Z undoes it): " + problems.stream()
                .map(p -> p.quickFix().orElseThrow().label()).collect(java.util.stream.Collectors.joining("; ")) + ".";
        return Optional.of(new FitToDataset(fixes, summary));
    }

    /**
     * Why resizing cannot make the network fit: an input of another kind (a CNN's image input for a table), which
     * needs another network rather than other sizes; empty when the kinds agree.
     */
    static Optional<String> kindMismatch(NetworkDescription network, DatasetFacts facts) {
        for (Node node : network.nodes()) {
            if (node.layer() instanceof Layer.Input input
                    && input.shape().getClass() != facts.sampleShape().getClass()) {
                return Optional.of(node.name() + " takes " + input.shape().describe() + ", but the data gives "
                        + facts.sampleShape().describe() + ": open a template made for this kind of data (Templates).");
            }
        }
        return Optional.empty();
    }

    @Override
    public DesignState applyTo(DesignState state) {
        DesignState fitted = state;
        for (DesignerCommand fix : fixes) {
            fitted = fix.applyTo(fitted);
        }
        return fitted;
    }

    @Override
    public String description() {
        return "size the network to the data";
    }
}
