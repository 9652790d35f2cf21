package io.neuralworkbench.app.gui.data;

import java.util.List;

import io.neuralworkbench.engine.UserInputException;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Number fields of the data view's forms: read with a message that says which field is wrong and how. */
final class FormFields {
    private FormFields() {
    }

    static TextField numberField(String id, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        return field;
    }

    static long wholeNumber(String name, TextField field) {
        try {
            return Long.parseLong(field.getText().trim());
        } catch (NumberFormatException e) {
            throw new UserInputException("the " + name + " \"" + field.getText() + "\" is not a whole number — type"
                    + " a number such as 42", e);
        }
    }

    static int wholeNumber(String name, TextField field, int min, int max) {
        long value = wholeNumber(name, field);
        if (value < min || value > max) {
            throw new UserInputException("the " + name + " " + value + " is out of range — choose from " + min
                    + " to " + max);
        }
        return (int) value;
    }

    static double number(String name, TextField field) {
        try {
            return Double.parseDouble(field.getText().trim());
        } catch (NumberFormatException e) {
            throw new UserInputException("the " + name + " \"" + field.getText() + "\" is not a number — type a"
                    + " number such as 10", e);
        }
    }

    /** Shows each of {@code values} by the name at the same position, for a combo box of enum constants. */
    static <T> StringConverter<T> named(List<T> values, List<String> names) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                int index = values.indexOf(value);
                return index < 0 ? "" : names.get(index);
            }

            @Override
            public T fromString(String name) {
                int index = names.indexOf(name);
                return index < 0 ? null : values.get(index);
            }
        };
    }

    /** A whole number without a trailing ".0", a fraction as it is. */
    static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    static VBox titled(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add("title-4");
        VBox box = new VBox(4, label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setPadding(new Insets(4, 8, 4, 8));
        return box;
    }
}
