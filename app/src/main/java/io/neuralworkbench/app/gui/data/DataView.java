package io.neuralworkbench.app.gui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.engine.data.ColumnProfile;
import io.neuralworkbench.engine.data.ColumnType;
import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.project.Project;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Data step: a preview of the first rows, each column's type and statistics, and the choices that go into
 * the project (target, task, column types, split and seed), with the target's class balance as a bar chart.
 * Labelled texts and image sets show their own panes ({@link TextDataPane}, {@link ImageDataPane}).
 */
public final class DataView extends BorderPane {
    private final DataViewModel model;
    private final ProjectSession session;
    private final Consumer<Throwable> errors;
    private final Label fileLabel = new Label("No data open — use Open data… or drop a CSV/TSV file, an image folder or MNIST IDX files here.");
    private final Label rowsLabel = new Label();
    private final TableView<List<String>> preview = new TableView<>();
    private final TableView<ColumnProfile> columns = new TableView<>();
    private final ComboBox<String> target = new ComboBox<>();
    private final ComboBox<String> task = new ComboBox<>(FXCollections.observableArrayList(
            "Automatic", "Classification", "Regression"));
    private final ComboBox<String> typeColumn = new ComboBox<>();
    /** Reads the table as labelled texts in the chosen column (the texts pane then shows). */
    private final ComboBox<String> textColumn = new ComboBox<>();
    private final ComboBox<ColumnType> typeChoice = new ComboBox<>(FXCollections.observableArrayList(
            ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.BOOLEAN, ColumnType.TEXT));
    private final Spinner<Integer> trainPercent = new Spinner<>(1, 100, 70, 5);
    private final Spinner<Integer> validationPercent = new Spinner<>(0, 99, 15, 5);
    private final Label testPercent = new Label("15 %");
    private final TextField seed = new TextField(String.valueOf(PreprocessingSpec.DEFAULT_SEED));
    private final ClassBalanceChart classBalance = new ClassBalanceChart("classBalanceChart");
    private final SplitPane tables;
    private final ScrollPane tableChoices;
    private final ImageDataPane imagePane;
    private final TextDataPane textPane;
    private boolean updating;

    public DataView(DataViewModel model, ProjectSession session, Runnable openData, Consumer<Throwable> errors) {
        this.model = model;
        this.session = session;
        this.errors = errors;
        setId("dataView");
        Button open = new Button("Open data…");
        open.setId("openData");
        open.setOnAction(e -> openData.run());
        fileLabel.setId("dataFile");
        rowsLabel.setId("dataRows");
        HBox top = new HBox(12, open, fileLabel, rowsLabel);
        top.setPadding(new Insets(8));
        setTop(top);

        preview.setId("previewTable");
        preview.setPlaceholder(new Label("The first rows of the data appear here."));
        columns.setId("columnTable");
        columns.setPlaceholder(new Label("Column types and statistics appear here."));
        setUpColumnTable();
        tables = new SplitPane(FormFields.titled("Preview (first rows)", preview),
                FormFields.titled("Columns: type and statistics", columns));
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.5);
        tableChoices = choicesPanel();
        imagePane = new ImageDataPane(model, session, errors);
        textPane = new TextDataPane(model, session, errors);

        model.snapshotProperty().addListener((o, old, now) -> show(now));
        model.imageSetProperty().addListener((o, old, now) -> showImageFile(now));
        session.projectProperty().addListener((o, old, now) -> showChoices(now));
        model.kindProperty().addListener((o, old, now) -> showPage(now));
        show(model.snapshot());
        showChoices(session.project());
        showPage(model.kindProperty().get());
    }

    /** Tables show their preview and columns; texts and images have their own panes. */
    private void showPage(DataKind kind) {
        switch (kind) {
            case TEXT_TABLE -> {
                setCenter(textPane);
                setRight(null);
            }
            case IMAGE_FOLDER, IDX -> {
                setCenter(imagePane);
                setRight(null);
                showImageFile(model.imageSet());
            }
            default -> {
                setCenter(tables);
                setRight(tableChoices);
                show(model.snapshot());
            }
        }
    }

    private void showImageFile(ImageSetSnapshot images) {
        if (images != null) {
            fileLabel.setText(images.file().toString());
            rowsLabel.setText(images.imageCount() + " images in " + images.classNames().size() + " classes ("
                    + images.kind().description() + ")");
        }
    }

    private ScrollPane choicesPanel() {
        target.setId("targetChoice");
        task.setId("taskChoice");
        typeColumn.setId("typeColumn");
        textColumn.setId("textColumnChoice");
        textColumn.valueProperty().addListener((o, old, now) -> act(() -> {
            if (now != null && !now.equals(TextDataPane.NO_TEXT_COLUMN)) {
                model.chooseTextColumn(now);
            }
        }));
        typeChoice.setId("typeChoice");
        trainPercent.setId("trainPercent");
        validationPercent.setId("validationPercent");
        testPercent.setId("testPercent");
        seed.setId("seed");
        trainPercent.setEditable(true);
        validationPercent.setEditable(true);
        seed.setPrefColumnCount(8);

        target.valueProperty().addListener((o, old, now) -> act(() -> {
            if (now != null && !now.equals(session.project().data().spec().targetColumn())) {
                model.chooseTarget(now);
            }
        }));
        task.valueProperty().addListener((o, old, now) -> act(() -> model.chooseTask(switch (now) {
            case "Classification" -> TaskType.CLASSIFICATION;
            case "Regression" -> TaskType.REGRESSION;
            default -> null;
        })));
        Button applyType = new Button("Apply type");
        applyType.setId("applyType");
        applyType.setOnAction(e -> act(() -> model.overrideType(typeColumn.getValue(), typeChoice.getValue())));
        applyType.disableProperty().bind(typeColumn.valueProperty().isNull().or(typeChoice.valueProperty().isNull()));
        typeColumn.valueProperty().addListener((o, old, now) -> {
            TableSnapshot shown = model.snapshot();
            ColumnProfile profile = shown == null || now == null ? null : shown.profileOf(now);
            typeChoice.setValue(profile == null ? null : profile.type());
        });
        Button applySplit = new Button("Apply split");
        applySplit.setId("applySplit");
        applySplit.setOnAction(e -> applySplit());
        trainPercent.valueProperty().addListener((o, old, now) -> updateTestPercent());
        validationPercent.valueProperty().addListener((o, old, now) -> updateTestPercent());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Target"), target);
        form.addRow(row++, new Label("Task"), task);
        form.addRow(row++, new Label("Column"), typeColumn);
        form.addRow(row++, new Label("Type"), new HBox(6, typeChoice, applyType));
        form.addRow(row++, new Label("Texts in"), textColumn);
        form.addRow(row++, new Label("Training %"), trainPercent);
        form.addRow(row++, new Label("Validation %"), validationPercent);
        form.addRow(row++, new Label("Test %"), testPercent);
        form.addRow(row, new Label("Seed"), new HBox(6, seed, applySplit));

        Label heading = new Label("Preprocessing");
        heading.getStyleClass().add("title-4");
        VBox panel = new VBox(10, heading, form, classBalance);
        panel.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(360);
        scroll.setPrefWidth(360);
        return scroll;
    }

    private void act(Runnable action) {
        if (updating) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            errors.accept(e);
            showChoices(session.project());
        }
    }

    private void applySplit() {
        act(() -> {
            long seedValue;
            try {
                seedValue = Long.parseLong(seed.getText().trim());
            } catch (NumberFormatException e) {
                throw new io.neuralworkbench.engine.UserInputException("the seed \"" + seed.getText()
                        + "\" is not a whole number — type a number such as 42", e);
            }
            int train = trainPercent.getValue();
            int validation = validationPercent.getValue();
            model.chooseSplit(train / 100.0, validation / 100.0, (100 - train - validation) / 100.0, seedValue);
        });
    }

    private void updateTestPercent() {
        testPercent.setText((100 - trainPercent.getValue() - validationPercent.getValue()) + " %");
    }

    private void setUpColumnTable() {
        columns.getColumns().add(textColumn("Column", ColumnProfile::name));
        columns.getColumns().add(textColumn("Type", p -> p.type() == p.inferredType() ? p.type().toString()
                : p.type() + " (inferred " + p.inferredType() + ")"));
        columns.getColumns().add(textColumn("Values", p -> String.valueOf(p.count())));
        columns.getColumns().add(textColumn("Missing", p -> String.valueOf(p.missing())));
        columns.getColumns().add(textColumn("Distinct", p -> String.valueOf(p.distinct())));
        columns.getColumns().add(textColumn("Min", p -> number(p.min())));
        columns.getColumns().add(textColumn("Max", p -> number(p.max())));
        columns.getColumns().add(textColumn("Mean", p -> number(p.mean())));
        columns.getColumns().add(textColumn("Std", p -> number(p.std())));
        columns.getColumns().add(textColumn("Most frequent", p -> p.mostFrequent().stream().limit(3)
                .map(v -> v.value() + " (" + v.count() + ")").reduce((a, b) -> a + ", " + b).orElse("")));
    }

    private static TableColumn<ColumnProfile, String> textColumn(String title,
            java.util.function.Function<ColumnProfile, String> value) {
        TableColumn<ColumnProfile, String> column = new TableColumn<>(title);
        column.setPrefWidth(switch (title) {
            case "Column" -> 115;
            case "Most frequent" -> 118;
            case "Type" -> 112;
            case "Values", "Missing", "Distinct" -> 74;
            case "Mean", "Std" -> 64;
            default -> 52;
        });
        column.setMinWidth(column.getPrefWidth());
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        // Four significant digits without trailing zeros: 0.1, not 0.1000.
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", value)).stripTrailingZeros()
                .toPlainString();
    }

    private void show(TableSnapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        fileLabel.setText(snapshot.file().toString());
        rowsLabel.setText(snapshot.complete()
                ? snapshot.table().rowCount() + " rows × " + snapshot.preview().columnCount() + " columns"
                : "statistics of the first " + snapshot.profiledRows() + " rows — reading the rest…");
        List<String> names = snapshot.preview().columnNames();
        if (!names.equals(columnNamesShown())) {
            preview.getColumns().clear();
            for (int i = 0; i < names.size(); i++) {
                int index = i;
                TableColumn<List<String>, String> column = new TableColumn<>(names.get(i));
                column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().get(index)));
                column.setSortable(false);
                // Wide enough for the header: a column name is what the user reads first.
                column.setPrefWidth(Math.max(80, names.get(i).length() * 8.5 + 30));
                preview.getColumns().add(column);
            }
            List<List<String>> rows = new ArrayList<>();
            int shown = Math.min(DataViewModel.PREVIEW_ROWS, snapshot.preview().rowCount());
            for (int row = 0; row < shown; row++) {
                rows.add(snapshot.preview().row(row));
            }
            preview.setItems(FXCollections.observableArrayList(rows));
        }
        columns.setItems(FXCollections.observableArrayList(snapshot.profiles()));
        showChoices(session.project());
    }

    private List<String> columnNamesShown() {
        return preview.getColumns().stream().map(TableColumn::getText).toList();
    }

    private void showChoices(Project project) {
        TableSnapshot snapshot = model.snapshot();
        if (project == null || snapshot == null || !snapshot.file().equals(project.dataFile())) {
            return;
        }
        updating = true;
        try {
            PreprocessingSpec spec = project.data().spec();
            List<String> names = snapshot.preview().columnNames();
            if (!target.getItems().equals(names)) {
                target.getItems().setAll(names);
                typeColumn.getItems().setAll(names);
                textColumn.getItems().setAll(TextDataPane.NO_TEXT_COLUMN);
                textColumn.getItems().addAll(names);
            }
            textColumn.setValue(TextDataPane.NO_TEXT_COLUMN);
            target.setValue(spec.targetColumn());
            task.setValue(spec.task() == null ? "Automatic"
                    : spec.task() == TaskType.CLASSIFICATION ? "Classification" : "Regression");
            trainPercent.getValueFactory().setValue((int) Math.round(spec.split().train() * 100));
            validationPercent.getValueFactory().setValue((int) Math.round(spec.split().validation() * 100));
            seed.setText(String.valueOf(spec.seed()));
            showClassBalance();
        } finally {
            updating = false;
        }
    }

    private void showClassBalance() {
        classBalance.show(model.classBalance());
    }
}
