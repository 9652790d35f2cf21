package io.neuralworkbench.app.gui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

import io.neuralworkbench.app.settings.BackendAvailability;
import io.neuralworkbench.app.settings.Settings;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Edit ▸ Settings…: every control is bound to {@link Settings}, so a change applies at once (the theme and font
 * size visibly) and is remembered for the next start; Close only closes.
 */
final class SettingsDialog extends Dialog<Void> {
    private final Label backendStatus = new Label("Checking the compute backend…");
    private final RadioButton gpu = new RadioButton("GPU");

    SettingsDialog(Window owner, Settings settings, ObservableValue<BackendAvailability> backend) {
        initOwner(owner);
        setTitle("Settings");
        setHeaderText("Settings are saved as you change them.");
        getDialogPane().setId("settingsDialog");
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        form.setPadding(new Insets(10));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(360);
        form.getColumnConstraints().setAll(labels, fields);

        ChoiceBox<Settings.Theme> theme = new ChoiceBox<>();
        theme.getItems().setAll(Settings.Theme.values());
        theme.setConverter(named(t -> t == Settings.Theme.DARK ? "Dark" : "Light"));
        theme.setId("themeChoice");
        theme.valueProperty().bindBidirectional(settings.themeProperty());
        form.addRow(0, new Label("Theme"), theme);

        Slider fontScale = new Slider(0.75, 2.5, settings.fontScaleProperty().get());
        fontScale.setId("fontScaleSlider");
        fontScale.setMajorTickUnit(0.25);
        fontScale.setBlockIncrement(0.05);
        fontScale.valueProperty().bindBidirectional(settings.fontScaleProperty());
        Label scaleText = new Label();
        scaleText.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.0f %%", fontScale.getValue() * 100), fontScale.valueProperty()));
        form.addRow(1, new Label("Text size"), new HBox(10, fontScale, scaleText));

        CheckBox presentation = new CheckBox("Presentation mode (text "
                + Math.round(Settings.PRESENTATION_FONT_SCALE * 100) + " % larger, for a projector)");
        presentation.setId("presentationMode");
        presentation.selectedProperty().bindBidirectional(settings.presentationModeProperty());
        form.add(presentation, 1, 2);

        ToggleGroup compute = new ToggleGroup();
        RadioButton cpu = new RadioButton("CPU");
        cpu.setId("cpuChoice");
        gpu.setId("gpuChoice");
        cpu.setToggleGroup(compute);
        gpu.setToggleGroup(compute);
        cpu.setUserData(Settings.ComputePreference.CPU);
        gpu.setUserData(Settings.ComputePreference.GPU);
        compute.selectToggle(settings.computeProperty().get() == Settings.ComputePreference.GPU ? gpu : cpu);
        compute.selectedToggleProperty().addListener((o, old, now) -> {
            if (now != null) {
                settings.computeProperty().set((Settings.ComputePreference) now.getUserData());
            }
        });
        backendStatus.setId("computeAvailability");
        backendStatus.setWrapText(true);
        backendStatus.setMaxWidth(480);
        gpu.setDisable(true);
        showBackend(backend.getValue());
        backend.addListener((o, old, now) -> showBackend(now));
        form.addRow(3, new Label("Train on"), new HBox(14, cpu, gpu));
        form.add(backendStatus, 1, 4);

        Spinner<Integer> threads = new Spinner<>(1, 64, settings.workerThreadsProperty().get());
        threads.setId("workerThreads");
        threads.setEditable(true);
        threads.valueProperty().addListener((o, old, now) -> settings.workerThreadsProperty().set(now));
        form.addRow(5, new Label("Worker threads"), threads);

        form.addRow(6, new Label("Data folder"), folderField("dataFolder", settings.dataFolderProperty()));
        form.addRow(7, new Label("Projects folder"), folderField("projectFolder", settings.projectFolderProperty()));
        form.addRow(8, new Label("Exports folder"), folderField("exportFolder", settings.exportFolderProperty()));
        Label samplesNote = new Label("Samples opened from the welcome screen are copied into the projects folder.");
        samplesNote.getStyleClass().add("text-muted");
        form.add(samplesNote, 1, 9);

        getDialogPane().setContent(form);
    }

    private void showBackend(BackendAvailability availability) {
        if (availability == null) {
            backendStatus.setText("Checking the compute backend…");
            gpu.setDisable(true);
            return;
        }
        gpu.setDisable(availability.gpu().isEmpty());
        backendStatus.setText("Available: " + availability.cpu() + availability.gpu().map(g -> ", " + g).orElse("")
                + availability.gpuProblem().map(problem -> ".\n" + problem).orElse("."));
    }

    /** A folder as text (typed or chosen with Browse…); a text that is no usable path is refused and restored. */
    private HBox folderField(String id, ObjectProperty<Path> folder) {
        TextField field = new TextField(String.valueOf(folder.get()));
        field.setId(id + "Field");
        HBox.setHgrow(field, Priority.ALWAYS);
        Runnable commit = () -> {
            try {
                Path typed = Path.of(field.getText().strip());
                if (!typed.isAbsolute()) {
                    throw new InvalidPathException(field.getText(), "give the whole path, from the top");
                }
                folder.set(typed);
                field.setStyle("");
                field.setTooltip(null);
            } catch (InvalidPathException e) {
                field.setStyle("-fx-border-color: -color-danger-emphasis;");
                field.setTooltip(new javafx.scene.control.Tooltip("Not a folder path: " + e.getReason()
                        + ". Type a full path such as " + Settings.defaultWorkbenchFolder() + ", or use Browse…"));
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        folder.addListener((o, old, now) -> field.setText(String.valueOf(now)));
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            Path current = folder.get();
            if (current != null && Files.isDirectory(current)) {
                chooser.setInitialDirectory(current.toFile());
            }
            File chosen = chooser.showDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) {
                folder.set(chosen.toPath());
            }
        });
        return new HBox(6, field, browse);
    }

    private static <T> StringConverter<T> named(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }
}
