package io.neuralworkbench.designer.model;

import io.neuralworkbench.engine.network.Diagnostic;
import io.neuralworkbench.engine.network.InferenceResult;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.NetworkValidator;
import io.neuralworkbench.engine.network.Node;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.ShapeInference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation of the whole network after an edit: per node its output shape, parameters, cost and problems;
 * all problems for the problems list (errors first); and the summary-bar totals.
 */
public record NetworkAnalysis(Map<String, NodeReport> nodes, List<Problem> problems, NetworkSummary summary) {
    private static final int BYTES_PER_VALUE = 4; // 32-bit floats, as DL4J and PyTorch train by default

    public NetworkAnalysis {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        problems = List.copyOf(problems);
    }

    public static NetworkAnalysis of(NetworkDescription network, int batchSize, DatasetFacts dataset) {
        InferenceResult inference = ShapeInference.infer(network);
        List<Problem> problems = new ArrayList<>();
        for (Diagnostic diagnostic : NetworkValidator.validate(network)) {
            problems.add(new Problem(diagnostic,
                    QuickFixes.forDiagnostic(diagnostic, network, inference.outputShapes()).orElse(null)));
        }
        problems.addAll(QuickFixes.datasetProblems(network, dataset));
        problems.sort((a, b) -> a.diagnostic().severity().compareTo(b.diagnostic().severity()));

        Map<String, NodeReport> reports = new LinkedHashMap<>();
        Map<String, List<Problem>> problemsByNode = new LinkedHashMap<>();
        problems.stream().filter(p -> p.diagnostic().node() != null)
                .forEach(p -> problemsByNode.computeIfAbsent(p.diagnostic().node(), k -> new ArrayList<>()).add(p));
        long activationValues = 0;
        long multiplyAdds = 0;
        for (Node node : network.nodes()) {
            Shape shape = inference.outputShapes().get(node.name());
            long cost = shape == null ? 0 : multiplyAdds(network, node, shape, inference.outputShapes());
            reports.putIfAbsent(node.name(), new NodeReport(node.name(), shape,
                    inference.parameterCounts().get(node.name()), cost,
                    problemsByNode.getOrDefault(node.name(), List.of())));
            activationValues += shape == null ? 0 : shape.elementCount();
            multiplyAdds += cost;
        }
        long parameters = inference.totalParameters();
        int errors = (int) problems.stream().filter(p -> p.diagnostic().isError()).count();
        NetworkSummary summary = new NetworkSummary(parameters, parameters * BYTES_PER_VALUE,
                activationValues * batchSize * BYTES_PER_VALUE, batchSize, multiplyAdds, errors,
                problems.size() - errors);
        return new NetworkAnalysis(reports, problems, summary);
    }

    public NodeReport node(String name) {
        NodeReport report = nodes.get(name);
        return report != null ? report : new NodeReport(name, null, null, 0, List.of());
    }

    /** Forward-pass multiply-adds per sample of the layers that do matrix work; element-wise layers count 0. */
    private static long multiplyAdds(NetworkDescription network, Node node, Shape output, Map<String, Shape> shapes) {
        List<String> inputs = network.inputsOf(node.name());
        Shape input = inputs.isEmpty() ? null : shapes.get(inputs.get(0));
        Layer layer = node.layer();
        if (layer instanceof Layer.Dense || layer instanceof Layer.Output) {
            return input == null ? 0 : input.elementCount() * output.elementCount();
        }
        if (layer instanceof Layer.Convolution2D conv && input instanceof Shape.Image in) {
            return output.elementCount() * conv.kernel().height() * conv.kernel().width() * in.channels();
        }
        if (layer instanceof Layer.Lstm lstm && input instanceof Shape.Sequence in) {
            long steps = Math.max(1, in.length()); // variable length: per step
            return steps * 4L * lstm.units() * (in.features() + lstm.units());
        }
        if (layer instanceof Layer.BatchNormalization) {
            return output.elementCount();
        }
        return 0;
    }
}
