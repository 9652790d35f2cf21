package io.neuralworkbench.designer.model;

import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.Shape;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and changes layer settings generically over the record components, so that a new layer kind in the
 * engine shows up in the inspector with no code here; only ranges and explanations are listed by name.
 */
public final class Hyperparameters {
    /** The path of the setting that switches an input between a flat vector, an image and a sequence. */
    public static final String SHAPE_KIND = "shape.kind";
    private static final List<Object> SHAPE_KINDS = List.of("flat", "image", "sequence");

    private record Range(double minimum, double maximum, boolean maximumExclusive, String explanation) {
    }

    private static final int LARGE = 100_000_000;

    /** Keyed by full path first, then by the last part of the path. */
    private static final Map<String, Range> RANGES = Map.ofEntries(
            Map.entry("units", new Range(1, 100_000, false,
                    "Number of neurons: more can learn more, but train slower and overfit sooner.")),
            Map.entry("filters", new Range(1, 4096, false,
                    "How many patterns the convolution learns; each gives one output channel.")),
            Map.entry("kernel.height", new Range(1, 256, false, "Height of the window that slides over the image.")),
            Map.entry("kernel.width", new Range(1, 256, false, "Width of the window that slides over the image.")),
            Map.entry("stride.height", new Range(1, 256, false, "Rows the window moves per step; 2 halves the height.")),
            Map.entry("stride.width", new Range(1, 256, false, "Columns the window moves per step; 2 halves the width.")),
            Map.entry("l2", new Range(0, 1, false,
                    "Weight decay for this layer (empty: the training setting); larger fights overfitting.")),
            Map.entry("momentum", new Range(0, 1, false,
                    "How slowly the running averages used for prediction follow new batches.")),
            Map.entry("epsilon", new Range(1e-12, 1, false, "A tiny number added to the variance so it never divides by 0.")),
            Map.entry("rate", new Range(0, 1, true, "Fraction of values zeroed at random while training; 0.2–0.5 is usual.")),
            Map.entry("vocabularySize", new Range(1, LARGE, false, "How many different token ids the input can hold.")),
            Map.entry("dimension", new Range(1, 4096, false, "Length of the vector learned for each token.")),
            Map.entry("shape.size", new Range(1, LARGE, false, "Number of values in one sample.")),
            Map.entry("shape.height", new Range(1, 100_000, false, "Image height in pixels.")),
            Map.entry("shape.width", new Range(1, 100_000, false, "Image width in pixels.")),
            Map.entry("shape.channels", new Range(1, 4096, false, "Colour channels: 1 for grey, 3 for RGB.")),
            Map.entry("shape.features", new Range(1, LARGE, false, "Values per time step (1 for token ids).")),
            Map.entry("shape.length", new Range(0, LARGE, false, "Time steps per sequence; 0 means any length.")));

    private static final Map<String, String> EXPLANATIONS = Map.of(
            "activation", "The function applied to each output; ReLU is a good default for hidden layers.",
            "weightInit", "How the weights start before training; match it to the activation.",
            "bias", "Adds a learned offset to each output.",
            "padding", "VALID shrinks the image by kernel − 1; SAME keeps its size at stride 1.",
            "pooling", "MAX keeps the strongest value of each window, AVG their mean.",
            "returnSequences", "On: pass every time step on (e.g. to another LSTM); off: only the last step.",
            "loss", "What training minimises: cross-entropy for classes, mean squared error for numbers.",
            SHAPE_KIND, "What one sample is: a flat vector, an image or a sequence.");

    private Hyperparameters() {
    }

    /** Every setting of the layer, in record order; an input's shape gets a kind switch and its sizes. */
    public static List<Hyperparameter> of(Layer layer) {
        List<Hyperparameter> found = new ArrayList<>();
        collect((Record) layer, "", found);
        return found;
    }

    public static Hyperparameter find(Layer layer, String path) {
        return of(layer).stream().filter(parameter -> parameter.path().equals(path)).findFirst()
                .orElseThrow(() -> new CommandRefusedException(layer.kind() + " has no setting " + path + "."));
    }

    /**
     * The layer with one setting changed.
     *
     * @throws CommandRefusedException when the layer has no such setting or the value is out of range
     */
    public static Layer with(Layer layer, String path, Object value) {
        Hyperparameter parameter = find(layer, path);
        Object converted = convert(parameter, value);
        parameter.problemWith(converted).ifPresent(problem -> {
            throw new CommandRefusedException(problem + ".");
        });
        return (Layer) rebuild((Record) layer, path, converted);
    }

    private static void collect(Record settings, String prefix, List<Hyperparameter> found) {
        for (RecordComponent component : settings.getClass().getRecordComponents()) {
            String path = prefix + component.getName();
            Class<?> type = component.getType();
            Object value = read(component, settings);
            if (value instanceof Shape shape) {
                found.add(new Hyperparameter(path + ".kind", "shape", explanation(path + ".kind"),
                        Hyperparameter.Type.CHOICE, kindOf(shape), 0, 0, false, SHAPE_KINDS));
                collect((Record) shape, path + ".", found);
            } else if (value instanceof Record nested) {
                collect(nested, path + ".", found);
            } else if (type.isEnum()) {
                found.add(new Hyperparameter(path, label(path), explanation(path), Hyperparameter.Type.CHOICE, value,
                        0, 0, false, Arrays.asList(type.getEnumConstants())));
            } else if (type == boolean.class) {
                found.add(new Hyperparameter(path, label(path), explanation(path), Hyperparameter.Type.SWITCH, value,
                        0, 0, false, List.of()));
            } else {
                Hyperparameter.Type kind = type == int.class ? Hyperparameter.Type.WHOLE_NUMBER
                        : type == double.class ? Hyperparameter.Type.NUMBER : Hyperparameter.Type.OPTIONAL_NUMBER;
                Range range = range(path);
                found.add(new Hyperparameter(path, label(path), range.explanation(), kind, value, range.minimum(),
                        range.maximum(), range.maximumExclusive(), List.of()));
            }
        }
    }

    /** Text from an editor or whole numbers typed as decimals become the type the record needs. */
    private static Object convert(Hyperparameter parameter, Object value) {
        if (value instanceof String text && parameter.type() != Hyperparameter.Type.CHOICE) {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                return null;
            }
            try {
                value = Double.parseDouble(trimmed);
            } catch (NumberFormatException e) {
                throw new CommandRefusedException(parameter.label() + " must be a number, not \"" + text + "\".");
            }
        }
        if (parameter.type() == Hyperparameter.Type.WHOLE_NUMBER && value instanceof Number number
                && number.doubleValue() == Math.rint(number.doubleValue()) && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        if ((parameter.type() == Hyperparameter.Type.NUMBER || parameter.type() == Hyperparameter.Type.OPTIONAL_NUMBER)
                && value instanceof Number number) {
            return number.doubleValue();
        }
        return value;
    }

    private static Object rebuild(Record settings, String path, Object value) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        RecordComponent[] components = settings.getClass().getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] = read(components[i], settings);
            if (components[i].getName().equals(head)) {
                if (rest == null) {
                    arguments[i] = value;
                } else if (arguments[i] instanceof Shape shape && rest.equals("kind")) {
                    arguments[i] = shapeOfKind((String) value, shape);
                } else {
                    arguments[i] = rebuild((Record) arguments[i], rest, value);
                }
            }
        }
        try {
            Constructor<?> canonical = settings.getClass().getDeclaredConstructor(types);
            return canonical.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot rebuild " + settings.getClass().getSimpleName(), e);
        }
    }

    /** Switching the kind keeps the number of values per position where it can. */
    private static Shape shapeOfKind(String kind, Shape old) {
        if (kind.equals(kindOf(old))) {
            return old;
        }
        return switch (kind) {
            case "flat" -> new Shape.Flat((int) Math.min(Integer.MAX_VALUE, old.elementCount()));
            case "image" -> new Shape.Image(28, 28, 1);
            case "sequence" -> new Shape.Sequence(old instanceof Shape.Flat flat ? flat.size() : 1, 100);
            default -> throw new CommandRefusedException("A shape is flat, image or sequence, not " + kind + ".");
        };
    }

    private static String kindOf(Shape shape) {
        return shape instanceof Shape.Flat ? "flat" : shape instanceof Shape.Image ? "image" : "sequence";
    }

    private static Object read(RecordComponent component, Record settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }

    private static Range range(String path) {
        Range range = RANGES.get(path);
        if (range == null) {
            range = RANGES.get(path.substring(path.lastIndexOf('.') + 1));
        }
        return range != null ? range : new Range(0, LARGE, false, label(path) + ".");
    }

    private static String explanation(String path) {
        String explanation = EXPLANATIONS.get(path);
        return explanation != null ? explanation : label(path) + ".";
    }

    /** "shape.height" → "height", "weightInit" → "weight init", "kernel.height" → "kernel height". */
    static String label(String path) {
        String readable = path.startsWith("shape.") ? path.substring("shape.".length()) : path.replace('.', ' ');
        return readable.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
