package io.neuralworkbench.designer.view;

import io.neuralworkbench.designer.commands.EditHyperparameter;
import io.neuralworkbench.designer.commands.RenameNode;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.designer.model.Hyperparameter;
import io.neuralworkbench.designer.model.Hyperparameters;
import io.neuralworkbench.designer.model.LayerCatalog;
import io.neuralworkbench.engine.network.Layer;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the one selected node in a ControlsFX property sheet. Each edit becomes one undoable
 * command when it is committed (Enter, leaving the field, picking a choice); a refused value shows why.
 */
final class InspectorPane extends VBox {
    /** One category only: the sheet shows categories as an accordion, which would hide all but the first. */
    private static final String SETTINGS = "Settings";
    private final DesignerModel model;
    private final Label heading = new Label();
    private final Label refusal = new Label();
    private final PropertySheet sheet = new PropertySheet();
    private String shownName;
    private Layer shownLayer;
    private boolean shownOnce;

    InspectorPane(DesignerModel model) {
        this.model = model;
        getStyleClass().add("inspector");
        setSpacing(6);
        heading.getStyleClass().add("inspector-heading");
        refusal.getStyleClass().add("inspector-refusal");
        refusal.setId("inspector-refusal");
        refusal.setWrapText(true);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setPropertyEditorFactory(item -> ((SettingItem) item).editor());
        sheet.setId("inspector-sheet");
        VBox.setVgrow(sheet, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(heading, refusal, sheet);
        model.addListener(change -> refresh());
        refresh();
    }

    /** Rebuilds the sheet only when the subject or its settings changed, so moving cards keeps the focus here. */
    private void refresh() {
        Optional<String> selected = model.singleSelection();
        Layer layer = selected.map(name -> model.state().node(name).layer()).orElse(null);
        if (layer == null) {
            heading.setText(model.selection().isEmpty() ? "Select a node to see its settings."
                    : model.selection().size() + " nodes selected.");
        }
        if (shownOnce && Objects.equals(selected.orElse(null), shownName) && Objects.equals(layer, shownLayer)) {
            return;
        }
        shownOnce = true;
        shownName = selected.orElse(null);
        shownLayer = layer;
        refusal.setText("");
        if (layer == null) {
            sheet.getItems().clear();
            return;
        }
        heading.setText(LayerCatalog.of(layer).title() + " · " + shownName);
        List<PropertySheet.Item> items = new ArrayList<>();
        items.add(new SettingItem(new Hyperparameter("name", "name", "The node's name, used by wires and messages.",
                Hyperparameter.Type.CHOICE, shownName, 0, 0, false, List.of()), SETTINGS, true));
        Hyperparameters.of(layer).forEach(parameter -> items.add(new SettingItem(parameter, SETTINGS, false)));
        sheet.getItems().setAll(items);
    }

    private void apply(DesignerCommand command) {
        model.tryExecute(command).ifPresentOrElse(reason -> {
            refusal.setText(reason);
            shownLayer = null; // put the editors back to the model's values
            String keep = refusal.getText();
            refresh();
            refusal.setText(keep);
        }, () -> refusal.setText(""));
    }

    /** One row of the sheet: a {@link Hyperparameter} (or the node's name) and the editor that fits it. */
    private final class SettingItem implements PropertySheet.Item {
        private final Hyperparameter parameter;
        private final String category;
        private final boolean isName;

        SettingItem(Hyperparameter parameter, String category, boolean isName) {
            this.parameter = parameter;
            this.category = category;
            this.isName = isName;
        }

        @Override
        public Class<?> getType() {
            return parameter.value() == null ? Double.class : parameter.value().getClass();
        }

        @Override
        public String getCategory() {
            return category;
        }

        @Override
        public String getName() {
            return parameter.label();
        }

        /** The one-line explanation, with the allowed range for numbers; ControlsFX shows it as the tooltip. */
        @Override
        public String getDescription() {
            return switch (parameter.type()) {
                case WHOLE_NUMBER, NUMBER, OPTIONAL_NUMBER -> parameter.explanation() + " Allowed: "
                        + number(parameter.minimum()) + (parameter.maximumExclusive() ? " to below " : " to ")
                        + number(parameter.maximum())
                        + (parameter.type() == Hyperparameter.Type.OPTIONAL_NUMBER ? ", or empty." : ".");
                default -> parameter.explanation();
            };
        }

        @Override
        public Object getValue() {
            return parameter.value();
        }

        @Override
        public void setValue(Object value) {
            if (Objects.equals(value, parameter.value())) {
                return;
            }
            apply(isName ? new RenameNode(shownName, String.valueOf(value))
                    : new EditHyperparameter(shownName, parameter.path(), value));
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }

        PropertyEditor<?> editor() {
            Node control = switch (parameter.type()) {
                case SWITCH -> {
                    CheckBox box = new CheckBox();
                    box.setSelected(Boolean.TRUE.equals(parameter.value()));
                    box.setOnAction(e -> setValue(box.isSelected()));
                    yield box;
                }
                case CHOICE -> isName ? textField() : choice();
                default -> textField();
            };
            control.setId("setting-" + parameter.path());
            if (control instanceof javafx.scene.control.Control c) {
                c.setTooltip(new Tooltip(getDescription()));
            }
            return new PropertyEditor<Object>() {
                @Override
                public Node getEditor() {
                    return control;
                }

                @Override
                public Object getValue() {
                    return parameter.value();
                }

                @Override
                public void setValue(Object value) {
                    // the sheet is rebuilt from the model after every change, so editors never need updating
                }
            };
        }

        private ComboBox<Object> choice() {
            ComboBox<Object> box = new ComboBox<>(FXCollections.observableArrayList(parameter.choices()));
            box.setValue(parameter.value());
            box.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Object value) {
                    return value instanceof Enum<?> constant
                            ? constant.name().toLowerCase(Locale.ROOT).replace('_', ' ') : String.valueOf(value);
                }

                @Override
                public Object fromString(String text) {
                    return parameter.choices().stream().filter(choice -> toString(choice).equals(text)).findFirst()
                            .orElse(null);
                }
            });
            box.setOnAction(e -> setValue(box.getValue()));
            box.setMaxWidth(Double.MAX_VALUE);
            return box;
        }

        /** Commits on Enter or when the field loses the focus, so typing "128" is one edit, not three. */
        private TextField textField() {
            String current = parameter.value() == null ? "" : display(parameter.value());
            TextField field = new TextField(current);
            field.setOnAction(e -> commit(field, current));
            field.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    commit(field, current);
                }
            });
            return field;
        }

        private void commit(TextField field, String current) {
            if (!field.getText().strip().equals(current)) {
                setValue(field.getText());
            }
        }
    }

    private static String display(Object value) {
        return value instanceof Double d ? number(d) : String.valueOf(value);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
