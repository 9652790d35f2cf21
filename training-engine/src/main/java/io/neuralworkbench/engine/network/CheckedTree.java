package io.neuralworkbench.engine.network;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.util.Json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Checks a JSON tree against the Java types it is meant to become, before Jackson converts it, so that every
 * problem is reported with its JSON path in words a user understands (Jackson's own messages name Java
 * classes). Fields left out are filled in from {@link JsonDefaults}. It knows the types that occur in network
 * files: records, sealed interfaces with Jackson type names, lists, enums, text, numbers and booleans.
 */
final class CheckedTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CheckedTree() {
    }

    /** Returns {@code value} completed with defaults and normalised (enum spelling), ready for Jackson. */
    static JsonNode check(JsonNode value, Type type, String path) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return checkList(value, list.getActualTypeArguments()[0], path);
        }
        Class<?> target = (Class<?>) type;
        if (target == int.class) {
            return expect(value, value.isIntegralNumber() && value.canConvertToInt(), "a whole number", path);
        }
        if (target == double.class) {
            return expect(value, value.isNumber(), "a number", path);
        }
        if (target == Double.class) {
            return expect(value, value.isNumber() || value.isNull(), "a number or null", path);
        }
        if (target == boolean.class) {
            return expect(value, value.isBoolean(), "true or false", path);
        }
        if (target == String.class) {
            return expect(value, value.isTextual(), "text", path);
        }
        if (target.isEnum()) {
            return checkEnum(value, target, path);
        }
        if (target.isRecord()) {
            return checkRecord(value, target, path);
        }
        if (target.isAnnotationPresent(JsonSubTypes.class)) {
            return checkSubtype(value, target, path);
        }
        throw new IllegalArgumentException("No JSON check for " + type);
    }

    static UserInputException error(String path, String problem) {
        return new UserInputException((path.isEmpty() ? "top level" : path) + ": " + problem);
    }

    private static JsonNode expect(JsonNode value, boolean ok, String expected, String path) {
        if (!ok) {
            throw error(path, "expected " + expected + " but found " + Json.describe(value));
        }
        return value;
    }

    private static JsonNode checkList(JsonNode value, Type elementType, String path) {
        expect(value, value.isArray(), "a list", path);
        ArrayNode checked = NODES.arrayNode();
        for (int i = 0; i < value.size(); i++) {
            checked.add(check(value.get(i), elementType, path + "[" + i + "]"));
        }
        return checked;
    }

    /** Accepts any letter case ("relu" for RELU): files are edited by hand. */
    private static JsonNode checkEnum(JsonNode value, Class<?> enumType, String path) {
        List<String> constants = Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        if (value.isTextual()) {
            String upper = value.asText().toUpperCase(Locale.ROOT);
            if (constants.contains(upper)) {
                return TextNode.valueOf(upper);
            }
        }
        throw error(path, "expected one of " + String.join(", ", constants) + " but found " + Json.describe(value));
    }

    private static JsonNode checkRecord(JsonNode value, Class<?> recordType, String path) {
        expect(value, value.isObject(), "an object", path);
        RecordComponent[] components = recordType.getRecordComponents();
        List<String> known = Arrays.stream(components).map(RecordComponent::getName).toList();
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(path, "unknown field \"" + name + "\""
                        + (known.isEmpty() ? " (this kind has no fields)" : " (known fields: " + String.join(", ", known) + ")"));
            }
        }
        ObjectNode checked = NODES.objectNode();
        for (RecordComponent component : components) {
            String name = component.getName();
            JsonNode given = value.get(name);
            JsonNode field = given != null
                    ? check(given, component.getGenericType(), child(path, name))
                    : JsonDefaults.valueFor(recordType, name, checked);
            if (field == null) {
                throw error(path, "missing required field \"" + name + "\"");
            }
            checked.set(name, field);
        }
        return checked;
    }

    /** A sealed interface such as {@link Layer}: the type property picks the record to check against. */
    private static JsonNode checkSubtype(JsonNode value, Class<?> baseType, String path) {
        expect(value, value.isObject(), "an object", path);
        String property = baseType.getAnnotation(JsonTypeInfo.class).property();
        JsonSubTypes.Type[] subtypes = baseType.getAnnotation(JsonSubTypes.class).value();
        List<String> typeNames = Arrays.stream(subtypes).map(JsonSubTypes.Type::name).toList();
        String what = baseType.getSimpleName().toLowerCase(Locale.ROOT) + " " + property;
        JsonNode typeName = value.get(property);
        if (typeName == null) {
            throw error(path, "missing required field \"" + property + "\" (the " + what + ", one of: "
                    + String.join(", ", typeNames) + ")");
        }
        String propertyPath = child(path, property);
        expect(typeName, typeName.isTextual(), "text", propertyPath);
        Class<?> subtype = Arrays.stream(subtypes)
                .filter(t -> t.name().equals(typeName.asText()))
                .findFirst()
                .orElseThrow(() -> error(propertyPath, "unknown " + what + " " + Json.describe(typeName)
                        + " (known: " + String.join(", ", typeNames) + ")"))
                .value();
        ObjectNode fields = ((ObjectNode) value).deepCopy();
        fields.remove(property);
        ObjectNode checked = NODES.objectNode();
        checked.set(property, typeName);
        checked.setAll((ObjectNode) checkRecord(fields, subtype, path));
        return checked;
    }

    private static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
