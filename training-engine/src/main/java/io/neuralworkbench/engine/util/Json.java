package io.neuralworkbench.engine.util;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON settings for the engine's own files (bundles, checkpoints, projects). Unknown fields are ignored so
 * that a file written by a newer version with extra information still opens; format versions guard real
 * incompatibilities. The network description has its own strict reader ({@code NetworkJson}).
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final int MAX_SHOWN_VALUE_LENGTH = 40;

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * How a value found in a file shows in a message to the user: short JSON for scalars (strings in quotes),
     * words for containers.
     */
    public static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        String json = value.toString();
        return json.length() <= MAX_SHOWN_VALUE_LENGTH ? json : json.substring(0, MAX_SHOWN_VALUE_LENGTH) + "…";
    }
}
