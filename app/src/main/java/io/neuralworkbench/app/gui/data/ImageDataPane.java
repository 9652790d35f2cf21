package io.neuralworkbench.app.gui.data;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.engine.data.image.Augmentation;
import io.neuralworkbench.engine.data.image.ImageOptions;
import io.neuralworkbench.engine.data.image.PixelScaling;
import io.neuralworkbench.engine.project.Project;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Data step for images: per class its image count and a row of thumbnails, the summary (input size and
 * channels, splits, memory), and the import choices that go into the project's {@link ImageOptions}.
 */
final class ImageDataPane extends BorderPane {
    /** Thumbnails are drawn at least this wide, so 28-pixel digits are legible. */
    private static final double THUMBNAIL_SIDE = 56;
    private static final String OWN_SIZE = "own";

    private final DataViewModel model;
    private final Consumer<Throwable> errors;
    private final VBox grid = new VBox(6);
    private final Label summary = new Label("Looking through the images…");
    private final Label notes = new Label();
    private final TextField height = FormFields.numberField("imageHeight", 4);
    private final TextField width = FormFields.numberField("imageWidth", 4);
    private final ComboBox<String> channels = new ComboBox<>(FXCollections.observableArrayList("Grayscale", "RGB"));
    private final ComboBox<PixelScaling> scaling = new ComboBox<>(FXCollections.observableArrayList(PixelScaling.values()));
    private final TextField validationPercent = FormFields.numberField("imageValidationPercent", 4);
    private final TextField testPercent = FormFields.numberField("imageTestPercent", 4);
    private final TextField seed = FormFields.numberField("imageSeed", 8);
    private final CheckBox flip = new CheckBox("Horizontal flip");
    private final TextField rotation = FormFields.numberField("augmentRotation", 4);
    private final TextField shiftPercent = FormFields.numberField("augmentShiftPercent", 4);
    private final TextField zoomPercent = FormFields.numberField("augmentZoomPercent", 4);
    private final ComboBox<ImageOptions.Storage> storage = new ComboBox<>(
            FXCollections.observableArrayList(ImageOptions.Storage.values()));
    private final ClassBalanceChart classBalance = new ClassBalanceChart("imageClassBalanceChart");

    ImageDataPane(DataViewModel model, ProjectSession session, Consumer<Throwable> errors) {
        this.model = model;
        this.errors = errors;
        setId("imageDataPane");
        grid.setId("thumbnailGrid");
        summary.setId("imageSummary");
        summary.setStyle("-fx-font-family: monospace;");
        notes.setId("imageNotes");
        notes.setWrapText(true);
        ScrollPane gridScroll = new ScrollPane(grid);
        gridScroll.setFitToWidth(true);
        ScrollPane summaryScroll = new ScrollPane(new VBox(4, summary, notes));
        summaryScroll.setFitToWidth(true);
        SplitPane center = new SplitPane(FormFields.titled("Images per class", gridScroll),
                FormFields.titled("Summary", summaryScroll));
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.6);
        setCenter(center);
        setRight(choicesPanel());
        model.imageSetProperty().addListener((o, old, now) -> show(now));
        session.projectProperty().addListener((o, old, now) -> showChoices(now));
        show(model.imageSet());
        showChoices(session.project());
    }

    private ScrollPane choicesPanel() {
        channels.setId("imageChannels");
        scaling.setId("imageScaling");
        flip.setId("augmentFlip");
        storage.setId("imageStorage");
        scaling.setConverter(FormFields.named(scaling.getItems(), List.of("Scale to 0–1",
                "Standardize per channel")));
        storage.setPrefWidth(220);
        storage.setConverter(FormFields.named(storage.getItems(), List.of("Auto (memory if it fits)",
                "In memory", "Stream batch by batch")));
        Button apply = new Button("Apply");
        apply.setId("applyImageOptions");
        apply.setOnAction(e -> apply());
        height.setPromptText(OWN_SIZE);
        width.setPromptText(OWN_SIZE);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Size (height × width)"), new HBox(4, height, new Label("×"), width));
        form.addRow(row++, new Label("Colour"), channels);
        form.addRow(row++, new Label("Pixel scaling"), scaling);
        form.addRow(row++, new Label("Validation %"), validationPercent);
        Label testLabel = new Label("Test %");
        testLabel.setTooltip(new javafx.scene.control.Tooltip("Held out of the images when the folder has no test/"
                + " folder (or the IDX files no t10k files)"));
        form.addRow(row++, testLabel, testPercent);
        form.addRow(row++, new Label("Split seed"), seed);
        form.addRow(row++, new Label("Augmentation"), flip);
        form.addRow(row++, new Label("Rotation up to ±°"), rotation);
        form.addRow(row++, new Label("Shift up to ±%"), shiftPercent);
        form.addRow(row++, new Label("Zoom up to ±%"), zoomPercent);
        form.addRow(row++, new Label("Storage"), storage);
        form.add(apply, 1, row);

        Label heading = new Label("Import");
        heading.getStyleClass().add("title-4");
        Label sizeHint = new Label("Leave the size empty (or 0) to keep the images' own size.");
        sizeHint.setWrapText(true);
        VBox panel = new VBox(10, heading, form, sizeHint, classBalance);
        panel.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(400);
        scroll.setPrefWidth(400);
        return scroll;
    }

    private void apply() {
        try {
            model.applyImageOptions(options());
        } catch (RuntimeException e) {
            errors.accept(e);
        }
    }

    /** The options the form describes; throws a message naming the field when one is wrong. */
    private ImageOptions options() {
        int imageHeight = height.getText().isBlank() ? 0 : FormFields.wholeNumber("height", height, 0, 4096);
        int imageWidth = width.getText().isBlank() ? 0 : FormFields.wholeNumber("width", width, 0, 4096);
        Augmentation augmentation = new Augmentation(flip.isSelected(), FormFields.number("rotation", rotation),
                FormFields.number("shift", shiftPercent) / 100, FormFields.number("zoom", zoomPercent) / 100);
        return new ImageOptions(imageHeight, imageWidth, "RGB".equals(channels.getValue()) ? 3 : 1,
                scaling.getValue(), FormFields.number("validation share", validationPercent) / 100,
                FormFields.number("test share", testPercent) / 100, FormFields.wholeNumber("seed", seed),
                augmentation, storage.getValue(), 0);
    }

    private void showChoices(Project project) {
        if (project == null || project.data().imageOptions() == null) {
            return;
        }
        ImageOptions options = project.data().imageOptions();
        height.setText(options.height() == 0 ? "" : String.valueOf(options.height()));
        width.setText(options.width() == 0 ? "" : String.valueOf(options.width()));
        channels.setValue(options.channels() == 3 ? "RGB" : "Grayscale");
        scaling.setValue(options.scaling());
        validationPercent.setText(FormFields.plain(100 * options.validationFraction()));
        testPercent.setText(FormFields.plain(100 * options.testFraction()));
        seed.setText(String.valueOf(options.splitSeed()));
        Augmentation augmentation = options.augmentation();
        flip.setSelected(augmentation.horizontalFlip());
        rotation.setText(FormFields.plain(augmentation.maxRotationDegrees()));
        shiftPercent.setText(FormFields.plain(100 * augmentation.maxShiftFraction()));
        zoomPercent.setText(FormFields.plain(100 * augmentation.maxZoomFraction()));
        storage.setValue(options.storage());
    }

    private void show(ImageSetSnapshot images) {
        if (images == null) {
            grid.getChildren().clear();
            summary.setText("Looking through the images…");
            notes.setText("");
            classBalance.show(List.of());
            return;
        }
        grid.getChildren().clear();
        for (int c = 0; c < images.classNames().size(); c++) {
            grid.getChildren().add(classRow(images, c));
        }
        summary.setText(images.summary() == null ? "Splitting and sizing the set…" : summaryText(images));
        notes.setText(String.join("\n", images.notes()));
        classBalance.show(model.classBalance());
    }

    /** The memory note right after the input size, so it is seen before the per-class table. */
    private static String summaryText(ImageSetSnapshot images) {
        List<String> lines = new java.util.ArrayList<>(images.summary().describe());
        String memory = lines.remove(lines.size() - 1);
        lines.add(1, memory);
        return String.join("\n", lines);
    }

    private static HBox classRow(ImageSetSnapshot images, int classIndex) {
        String name = images.classNames().get(classIndex);
        int count = images.classCounts().get(classIndex);
        Label label = new Label(String.format(Locale.ROOT, "%s — %d image%s", name, count, count == 1 ? "" : "s"));
        label.setId("imageClass-" + name);
        label.getStyleClass().add("image-class-count");
        label.setMinWidth(130);
        HBox row = new HBox(4, label);
        row.getStyleClass().add("image-class-row");
        row.setAlignment(Pos.CENTER_LEFT);
        if (classIndex < images.thumbnails().size()) {
            for (Thumbnail thumbnail : images.thumbnails().get(classIndex)) {
                row.getChildren().add(view(thumbnail));
            }
        }
        return row;
    }

    private static ImageView view(Thumbnail thumbnail) {
        WritableImage image = new WritableImage(thumbnail.width(), thumbnail.height());
        image.getPixelWriter().setPixels(0, 0, thumbnail.width(), thumbnail.height(),
                PixelFormat.getIntArgbInstance(), thumbnail.argb(), 0, thumbnail.width());
        ImageView view = new ImageView(image);
        view.getStyleClass().add("thumbnail");
        double scale = Math.max(1, THUMBNAIL_SIDE / Math.max(thumbnail.width(), thumbnail.height()));
        view.setFitWidth(thumbnail.width() * scale);
        view.setFitHeight(thumbnail.height() * scale);
        // Small digits stay crisp when enlarged.
        view.setSmooth(false);
        return view;
    }
}
