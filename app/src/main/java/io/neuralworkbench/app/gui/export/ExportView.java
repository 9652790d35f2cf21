package io.neuralworkbench.app.gui.export;

import io.neuralworkbench.engine.export.BundleContents;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Export step: open a bundle (a file, or the latest run's), see what it holds, and save it under a name,
 * write its model card (and open it in the browser), a Java example project or an ONNX model. Work runs in
 * background tasks through the {@link ExportViewModel}; this class only lays out and forwards.
 */
public final class ExportView extends BorderPane {
    private final ExportViewModel model;
    private final ExportDialogs dialogs;

    /**
     * @param showDocument opens an address in the desktop's browser (the application's HostServices)
     */
    public ExportView(ExportViewModel model, ExportDialogs dialogs, Consumer<String> showDocument) {
        this.model = model;
        this.dialogs = dialogs;
        setId("exportView");

        Button open = button("Open bundle…", "openBundle", () -> {
            Path file = dialogs.chooseBundleToOpen(window());
            if (file != null) {
                model.open(file);
            }
        });
        Button latest = button("Latest run", "openLatestRun", () -> {
            Path file = model.latestRunBundle();
            if (file != null) {
                model.open(file);
            }
        });
        Label bundleLabel = new Label();
        bundleLabel.setId("bundleFile");
        bundleLabel.textProperty().bind(Bindings.createStringBinding(() -> model.bundleFileProperty().get() == null
                ? "No bundle open: open one, or take the latest run's." : model.bundleFileProperty().get().toString(),
                model.bundleFileProperty()));
        HBox top = new HBox(12, open, latest, bundleLabel);
        top.setPadding(new Insets(8));
        setTop(top);

        TableView<BundleContents.Entry> entries = new TableView<>(model.entries());
        entries.setId("bundleEntries");
        entries.setPlaceholder(new Label("The bundle's entries appear here."));
        entries.getColumns().add(column("Entry", 200, BundleContents.Entry::name));
        entries.getColumns().add(column("Size", 110, entry -> size(entry.size())));
        entries.getColumns().add(column("In the file", 110, entry -> size(entry.compressedSize())));
        entries.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label details = new Label();
        details.setId("bundleDetails");
        details.setWrapText(true);
        details.textProperty().bind(model.detailsProperty());
        VBox contents = new VBox(8, heading("Contents"), entries, details);
        VBox.setVgrow(entries, Priority.ALWAYS);
        contents.setPadding(new Insets(8));
        contents.setPrefWidth(460);

        BooleanBinding noBundle = model.bundleFileProperty().isNull();
        BooleanBinding unavailable = noBundle.or(model.busyProperty());
        latest.disableProperty().bind(model.busyProperty());
        open.disableProperty().bind(model.busyProperty());
        TextField name = new TextField();
        name.setId("exportName");
        name.textProperty().bindBidirectional(model.exportNameProperty());
        name.disableProperty().bind(unavailable);
        Button save = button("Save bundle as…", "saveBundle", () -> {
            Path file = dialogs.chooseBundleToSave(window(), model.exportNameProperty().get());
            if (file != null) {
                model.saveBundle(file);
            }
        });
        Button card = button("Model card…", "writeCard", () -> {
            Path file = dialogs.chooseCardToSave(window(), model.exportNameProperty().get());
            if (file != null) {
                model.writeCard(file);
            }
        });
        Button browse = button("Open card in browser", "openCard",
                () -> showDocument.accept(model.lastCardProperty().get().toUri().toString()));
        browse.disableProperty().bind(model.lastCardProperty().isNull());
        Button java = button("Java example…", "writeJava", () -> {
            Path folder = dialogs.chooseExampleFolder(window());
            if (folder != null) {
                model.writeJavaExample(folder);
            }
        });
        Button onnx = button("ONNX…", "writeOnnx", () -> {
            Path file = dialogs.chooseOnnxToSave(window(), model.exportNameProperty().get());
            if (file != null) {
                model.writeOnnx(file);
            }
        });
        for (Button action : new Button[] {save, card, java, onnx}) {
            action.disableProperty().bind(unavailable);
        }
        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        TextArea snippet = new TextArea();
        snippet.setId("javaSnippet");
        snippet.setEditable(false);
        snippet.setStyle("-fx-font-family: monospace;");
        snippet.textProperty().bind(model.snippetProperty());
        Button copy = button("Copy snippet", "copySnippet", () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.snippetProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        copy.disableProperty().bind(noBundle);

        VBox actions = new VBox(10, heading("Export"), new HBox(8, new Label("Name"), name),
                new HBox(8, save, card, browse, java, onnx), status,
                heading("Use it from Java"), new Label("With the engine on the class path (the Java example"
                + " project sets that up):"), snippet, copy);
        HBox.setHgrow(name, Priority.ALWAYS);
        VBox.setVgrow(snippet, Priority.ALWAYS);
        actions.setPadding(new Insets(8));
        setCenter(new HBox(8, contents, actions));
        HBox.setHgrow(actions, Priority.ALWAYS);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-4");
        return label;
    }

    private static TableColumn<BundleContents.Entry, String> column(
            String title, double width, java.util.function.Function<BundleContents.Entry, String> value) {
        TableColumn<BundleContents.Entry, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** 1,234 B / 12.3 KB / 4.5 MB. */
    static String size(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%,d B", bytes);
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
