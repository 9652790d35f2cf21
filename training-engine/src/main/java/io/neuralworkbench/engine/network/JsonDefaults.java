package io.neuralworkbench.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a field left out of a network file means. The values come from the JSON of the factory instance a
 * user would expect ({@code Dense.of}, {@code Output.classification}, ...), minus the fields that have no
 * sensible default and so are required. Records without an entry (shapes, sizes, edges) need every field.
 */
final class JsonDefaults {
    private static final Map<Class<?>, ObjectNode> DEFAULTS = List.of(
                    defaults(new Layer.Input(null), "shape"),
                    defaults(Layer.Dense.of(1), "units"),
                    defaults(Layer.Convolution2D.of(1, 1), "filters", "kernel"),
                    defaults(Layer.Pooling2D.max(1), "kernel", "stride"),
                    defaults(Layer.GlobalPooling.avg()),
                    defaults(Layer.BatchNormalization.defaults()),
                    defaults(Layer.Dropout.of(0.5)),
                    defaults(new Layer.Flatten()),
                    defaults(Layer.Embedding.of(1, 1), "vocabularySize", "dimension"),
                    defaults(Layer.Lstm.of(1, false), "units"),
                    defaults(new Layer.ActivationLayer(null), "activation"),
                    defaults(new Layer.Add()),
                    defaults(new Layer.Concatenate()),
                    defaults(Layer.Output.classification(1), "units"),
                    defaults(new NetworkJson.Document(NetworkDescription.FORMAT_VERSION, "", List.of(), List.of()),
                            "formatVersion", "nodes"))
            .stream()
            .collect(Collectors.toMap(d -> d.recordType, d -> d.values));

    /**
     * Defaults that follow another field given earlier in the same object, as the factories choose them:
     * pooling windows do not overlap, the weight initialisation suits the activation, and an output's loss
     * suits its activation (softmax: cross-entropy, sigmoid: binary cross-entropy, otherwise regression).
     */
    private static final Map<String, Derived> DERIVED = Map.of(
            "stride", new Derived("kernel", Set.of(Layer.Pooling2D.class), kernel -> kernel),
            "weightInit", new Derived("activation",
                    Set.of(Layer.Dense.class, Layer.Convolution2D.class, Layer.Lstm.class, Layer.Output.class),
                    activation -> TextNode.valueOf(Layer.initFor(activationOf(activation)).name())),
            "loss", new Derived("activation", Set.of(Layer.Output.class),
                    activation -> TextNode.valueOf(lossFor(activationOf(activation)).name())));

    private JsonDefaults() {
    }

    /** The value of a missing field, or null when the field is required. */
    static JsonNode valueFor(Class<?> recordType, String field, ObjectNode earlierFields) {
        Derived derived = DERIVED.get(field);
        if (derived != null && derived.appliesTo.contains(recordType) && earlierFields.has(derived.source)) {
            return derived.rule.apply(earlierFields.get(derived.source));
        }
        ObjectNode defaults = DEFAULTS.get(recordType);
        return defaults == null ? null : defaults.get(field);
    }

    private static Activation activationOf(JsonNode checkedActivation) {
        return Activation.valueOf(checkedActivation.asText());
    }

    private static Loss lossFor(Activation outputActivation) {
        return switch (outputActivation) {
            case SOFTMAX -> Loss.CROSS_ENTROPY;
            case SIGMOID -> Loss.BINARY_CROSS_ENTROPY;
            default -> Loss.MSE;
        };
    }

    private static RecordDefaults defaults(Record prototype, String... requiredFields) {
        ObjectNode values = NetworkJson.MAPPER.valueToTree(prototype);
        values.remove(List.of(requiredFields));
        return new RecordDefaults(prototype.getClass(), values);
    }

    private record RecordDefaults(Class<?> recordType, ObjectNode values) {
    }

    private record Derived(String source, Set<Class<?>> appliesTo, Function<JsonNode, JsonNode> rule) {
    }
}
