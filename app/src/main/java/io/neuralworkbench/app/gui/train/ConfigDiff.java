package io.neuralworkbench.app.gui.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralworkbench.engine.training.TrainingConfig;
import io.neuralworkbench.engine.util.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What differs between two training configurations, one line per setting ("learningRate: 0.001 → 0.01"). It
 * compares the configurations' JSON, so a setting added to {@link TrainingConfig} later is compared too.
 */
public final class ConfigDiff {
    private ConfigDiff() {
    }

    /** The settings that differ, in the order of the configuration's fields; empty when they are the same. */
    public static List<String> between(TrainingConfig first, TrainingConfig second) {
        Map<String, String> a = leaves(Json.mapper().valueToTree(first));
        Map<String, String> b = leaves(Json.mapper().valueToTree(second));
        Set<String> paths = new LinkedHashSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<String> lines = new ArrayList<>();
        for (String path : paths) {
            String before = a.getOrDefault(path, "—");
            String after = b.getOrDefault(path, "—");
            if (!before.equals(after)) {
                lines.add(path + ": " + before + " → " + after);
            }
        }
        return lines;
    }

    /** Every value in the tree by its dotted path; lists are compared whole. */
    private static Map<String, String> leaves(JsonNode tree) {
        Map<String, String> values = new LinkedHashMap<>();
        collect(tree, "", values);
        return values;
    }

    private static void collect(JsonNode node, String path, Map<String, String> values) {
        if (node.isObject()) {
            node.properties().forEach(field -> collect(field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey(), values));
        } else {
            values.put(path, node.isTextual() ? node.asText() : node.toString());
        }
    }
}
