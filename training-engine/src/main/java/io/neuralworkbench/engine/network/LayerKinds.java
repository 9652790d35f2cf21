package io.neuralworkbench.engine.network;

import com.fasterxml.jackson.annotation.JsonSubTypes;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON names of the layer kinds, read once from the {@link Layer} annotations (one source of truth). */
public final class LayerKinds {
    private static final Map<Class<?>, String> NAMES = new LinkedHashMap<>();

    static {
        for (JsonSubTypes.Type type : Layer.class.getAnnotation(JsonSubTypes.class).value()) {
            NAMES.put(type.value(), type.name());
        }
    }

    private LayerKinds() {
    }

    public static String nameOf(Class<?> layerClass) {
        String name = NAMES.get(layerClass);
        if (name == null) {
            throw new IllegalArgumentException("Not a layer kind: " + layerClass);
        }
        return name;
    }

    /** All kind names in palette order. */
    public static java.util.Collection<String> names() {
        return java.util.Collections.unmodifiableCollection(NAMES.values());
    }
}
