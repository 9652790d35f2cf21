package io.neuralworkbench.designer.model;

import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Node;

import io.neuralworkbench.engine.network.NetworkDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The words on a node card, worked out here so the canvas only lays them out.
 *
 * @param title      the layer kind, e.g. "Convolution 2D"
 * @param settings   the key hyperparameters in one line, e.g. "20 filters 5×5 · identity"; may be empty
 * @param shape      what the node passes on, e.g. "→ [24×24×20]", or "→ ?" when it cannot be known
 * @param parameters e.g. "520 parameters"; empty when unknown
 * @param problem    the first problem's message, empty when there is none; {@code problemDetail} has them all
 */
public record CardText(String title, String name, String settings, String shape, String parameters,
                       String problem, String problemDetail, boolean error) {

    public static CardText of(Node node, NodeReport report) {
        String problem = report.problems().isEmpty() ? "" : report.problems().get(0).diagnostic().message();
        String detail = report.problems().stream().map(Problem::text).collect(Collectors.joining("\n"));
        return new CardText(LayerCatalog.of(node.layer()).title(), node.name(), settings(node.layer()),
                "→ " + (report.outputShape() == null ? "?" : report.outputShape().toString()),
                report.parameters() == null ? "" : String.format(Locale.ROOT, "%,d parameters", report.parameters()),
                problem, detail, report.hasError());
    }

    /**
     * The words on a block card: its name, how many nodes it folds and of which kinds, what its exit passes on,
     * the members' parameters together, and the first problem inside it.
     */
    public static CardText ofBlock(NodeGroup group, NetworkDescription network, NetworkAnalysis analysis) {
        long parameters = 0;
        boolean parametersKnown = true;
        List<String> problems = new ArrayList<>();
        String firstProblem = "";
        boolean error = false;
        for (String member : group.members()) {
            NodeReport report = analysis.node(member);
            if (report.parameters() == null) {
                parametersKnown = false;
            } else {
                parameters += report.parameters();
            }
            for (Problem problem : report.problems()) {
                firstProblem = problems.isEmpty() ? member + ": " + problem.diagnostic().message() : firstProblem;
                problems.add(member + ": " + problem.text());
            }
            error |= report.hasError();
        }
        String kinds = group.members().stream().map(network::node).flatMap(Optional::stream)
                .map(node -> node.layer().kind()).distinct().limit(4).collect(Collectors.joining(", "));
        int count = group.members().size();
        var exitShape = group.exit(network).map(analysis::node).map(NodeReport::outputShape).orElse(null);
        return new CardText("Block · " + count + (count == 1 ? " node" : " nodes"), group.name(), kinds,
                "→ " + (exitShape == null ? "?" : exitShape.toString()),
                parametersKnown ? String.format(Locale.ROOT, "%,d parameters", parameters) : "",
                firstProblem, String.join("\n", problems), error);
    }

    /** The settings a user looks at first; the inspector shows all of them. */
    static String settings(Layer layer) {
        if (layer instanceof Layer.Input input) {
            return input.shape().toString();
        } else if (layer instanceof Layer.Dense dense) {
            return dense.units() + " units · " + dense.activation().displayName();
        } else if (layer instanceof Layer.Convolution2D conv) {
            return conv.filters() + " filters " + conv.kernel() + stride(conv.stride().height(), conv.stride().width())
                    + " · " + conv.activation().displayName();
        } else if (layer instanceof Layer.Pooling2D pool) {
            return lower(pool.pooling()) + " " + pool.kernel() + stride(pool.stride().height(), pool.stride().width());
        } else if (layer instanceof Layer.GlobalPooling pool) {
            return lower(pool.pooling());
        } else if (layer instanceof Layer.Dropout dropout) {
            return "rate " + dropout.rate();
        } else if (layer instanceof Layer.Embedding embedding) {
            return String.format(Locale.ROOT, "%,d tokens → %d", embedding.vocabularySize(), embedding.dimension());
        } else if (layer instanceof Layer.Lstm lstm) {
            return lstm.units() + " units · " + (lstm.returnSequences() ? "every step" : "last step");
        } else if (layer instanceof Layer.ActivationLayer activation) {
            return activation.activation().displayName();
        } else if (layer instanceof Layer.BatchNormalization norm) {
            return "momentum " + norm.momentum();
        } else if (layer instanceof Layer.Output output) {
            return output.units() + " units · " + output.activation().displayName() + " · " + output.loss().displayName();
        }
        return "";
    }

    private static String stride(int height, int width) {
        return height == 1 && width == 1 ? "" : " /" + (height == width ? String.valueOf(height) : height + "×" + width);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
