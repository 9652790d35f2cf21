package io.neuralworkbench.engine.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.neuralworkbench.engine.UserInputException;

/** Fits one feature column — fill value, scaling, categories — on its values in the training split. */
final class ColumnFitter {
    private ColumnFitter() {
    }

    /**
     * @param values the column's non-missing values in the training rows; not empty
     * @throws UserInputException if a CONSTANT fill value does not fit the column's type
     */
    static FittedColumn fit(String name, ColumnType type, List<String> values, MissingValueRule rule,
                            Scaling scaling) {
        boolean constant = rule.strategy() == MissingValueStrategy.CONSTANT;
        return switch (type) {
            case NUMERIC -> {
                double[] numbers = values.stream().mapToDouble(Double::parseDouble).toArray();
                if (constant && !Cells.isNumber(rule.constant())) {
                    throw badConstant(name, rule.constant(), "a number");
                }
                String fill = switch (rule.strategy()) {
                    // DROP_ROW rows never reach training; at prediction time the mean stands in.
                    case MEAN, DROP_ROW -> Double.toString(Stats.mean(numbers));
                    case MEDIAN -> Double.toString(Stats.median(numbers));
                    case MOST_FREQUENT -> mostFrequent(values);
                    case CONSTANT -> rule.constant();
                };
                yield new FittedColumn(name, type, fill, LinearScaling.fit(scaling, numbers), List.of());
            }
            case BOOLEAN -> {
                if (constant && !Cells.isBoolean(rule.constant())) {
                    throw badConstant(name, rule.constant(), "true or false");
                }
                yield new FittedColumn(name, type, constant ? rule.constant() : mostFrequent(values), null, List.of());
            }
            case CATEGORICAL -> {
                TreeSet<String> categories = new TreeSet<>(values);
                if (constant) {
                    // The user's placeholder ("unknown") is a category of its own, so the model can tell it apart.
                    categories.add(rule.constant());
                }
                String fill = constant ? rule.constant() : mostFrequent(values);
                yield new FittedColumn(name, type, fill, null, List.copyOf(categories));
            }
            case TEXT, EMPTY -> throw new IllegalArgumentException(type + " columns are not features");
        };
    }

    private static String mostFrequent(List<String> values) {
        Map<String, Integer> frequencies = new HashMap<>();
        values.forEach(v -> frequencies.merge(v, 1, Integer::sum));
        return ColumnProfiler.mostFrequent(frequencies).get(0).value();
    }

    private static UserInputException badConstant(String column, String constant, String expected) {
        return new UserInputException("the missing-value constant " + Cells.quoted(constant) + " for column "
                + Cells.quoted(column) + " is not " + expected + " — give " + expected + " or another strategy");
    }
}
