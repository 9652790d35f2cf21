package io.neuralworkbench.designer.model;

import java.util.List;
import java.util.Optional;

/**
 * One editable setting of a layer, as the inspector shows it.
 *
 * @param path        where it sits in the layer record, e.g. "units", "kernel.height", "shape.kind"
 * @param label       the words shown next to the editor, e.g. "kernel height"
 * @param explanation one line for the tooltip
 * @param type        which editor fits
 * @param value       the current value (an Integer, Double, Boolean, enum constant or String; null for an unset
 *                    optional number)
 * @param minimum     smallest allowed number (numbers only)
 * @param maximum     largest allowed number (numbers only)
 * @param choices     the allowed values of a choice
 */
public record Hyperparameter(String path, String label, String explanation, Type type, Object value,
                             double minimum, double maximum, boolean maximumExclusive, List<Object> choices) {

    /** The kind of editor a setting needs. */
    public enum Type { WHOLE_NUMBER, NUMBER, OPTIONAL_NUMBER, SWITCH, CHOICE }

    public Hyperparameter {
        choices = List.copyOf(choices);
    }

    /** Why {@code candidate} cannot be this setting's value, or empty when it can. */
    public Optional<String> problemWith(Object candidate) {
        if (candidate == null) {
            return type == Type.OPTIONAL_NUMBER ? Optional.empty() : Optional.of(label + " needs a value");
        }
        switch (type) {
            case WHOLE_NUMBER -> {
                if (!(candidate instanceof Integer)) {
                    return Optional.of(label + " must be a whole number");
                }
            }
            case NUMBER, OPTIONAL_NUMBER -> {
                if (!(candidate instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                    return Optional.of(label + " must be a number");
                }
            }
            case SWITCH -> {
                return candidate instanceof Boolean ? Optional.empty() : Optional.of(label + " is on or off");
            }
            case CHOICE -> {
                return choices.contains(candidate) ? Optional.empty()
                        : Optional.of(label + " must be one of " + choices);
            }
        }
        double number = ((Number) candidate).doubleValue();
        boolean tooLarge = maximumExclusive ? number >= maximum : number > maximum;
        if (number < minimum || tooLarge) {
            return Optional.of(label + " must be from " + format(minimum) + (maximumExclusive ? " to below " : " to ")
                    + format(maximum) + ", not " + format(number));
        }
        return Optional.empty();
    }

    private static String format(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? String.valueOf((long) number)
                : String.valueOf(number);
    }
}
