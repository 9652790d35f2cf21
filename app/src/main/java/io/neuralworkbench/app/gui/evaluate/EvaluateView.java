package io.neuralworkbench.app.gui.evaluate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.neuralworkbench.charts.ConfusionMatrixView;
import io.neuralworkbench.charts.PrecisionRecallChart;
import io.neuralworkbench.charts.PredictedVsActualChart;
import io.neuralworkbench.charts.ResidualHistogram;
import io.neuralworkbench.charts.RocCurveChart;
import io.neuralworkbench.engine.data.ColumnType;
import io.neuralworkbench.engine.data.FittedColumn;
import io.neuralworkbench.engine.eval.ClassMetrics;
import io.neuralworkbench.engine.workflow.CrossValidationResult;
import io.neuralworkbench.engine.workflow.FoldResult;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The Evaluate step: the model's metrics, confusion matrix (click a cell for its samples), ROC and
 * precision-recall curves (or, for regression, predicted against actual and the residuals), the "Try it" panel
 * and k-fold cross-validation. Everything it shows comes from {@link EvaluateViewModel}.
 */
public final class EvaluateView extends BorderPane {
    private static final int THUMBNAIL_SCALE = 2;

    private final EvaluateViewModel model;
    private final EvaluateFiles files;
    private final ConfusionMatrixView confusionMatrix = new ConfusionMatrixView();
    private final RocCurveChart rocChart = new RocCurveChart();
    private final PrecisionRecallChart precisionRecallChart = new PrecisionRecallChart();
    private final PredictedVsActualChart predictedVsActual = new PredictedVsActualChart();
    private final ResidualHistogram residuals = new ResidualHistogram();
    private final StackPane matrixOrScatter = new StackPane();
    private final SplitPane curves = new SplitPane();
    private final GridPane tableForm = new GridPane();
    private final Map<String, Control> tableFields = new LinkedHashMap<>();
    private final StackPane tryInput = new StackPane();
    private final TableView<FoldResult> foldTable = new TableView<>();

    public EvaluateView(EvaluateViewModel model, EvaluateFiles files) {
        this.model = model;
        this.files = files;
        setId("evaluateView");
        setTop(new VBox(toolBar(), statusLine()));
        TabPane sections = new TabPane(
                new Tab("Metrics", metricsSection()),
                new Tab("Curves", curvesSection()),
                new Tab("Try it", tryItSection()),
                new Tab("Cross-validation", crossValidationSection()));
        sections.setId("evaluateSections");
        sections.getTabs().forEach(tab -> tab.setClosable(false));
        setCenter(sections);
        model.resultProperty().addListener((o, old, now) -> showResult(now));
        model.modelProperty().addListener((o, old, now) -> {
            showTryInput();
            rebuildFoldColumns();
        });
    }

    public EvaluateViewModel model() {
        return model;
    }

    // --- Top ----------------------------------------------------------------------------------------------------

    private ToolBar toolBar() {
        Button latest = new Button("Evaluate Latest Run");
        latest.setId("evaluateLatestRun");
        latest.disableProperty().bind(model.latestRunAvailableProperty().not().or(model.busyProperty()));
        latest.setOnAction(e -> model.evaluateLatestRun());
        Button open = new Button("Open Model Bundle…");
        open.setId("openBundle");
        open.disableProperty().bind(model.busyProperty());
        open.setOnAction(e -> {
            Path bundle = files.chooseBundle(getScene().getWindow());
            if (bundle != null) {
                model.openBundle(bundle);
            }
        });
        Button data = new Button("Evaluate on Data…");
        data.setId("evaluateOnData");
        data.disableProperty().bind(model.modelProperty().isNull().or(model.busyProperty()));
        data.setOnAction(e -> {
            Path chosen = files.chooseData(getScene().getWindow(),
                    model.inputKindProperty().get() == EvaluateViewModel.InputKind.IMAGE);
            if (chosen != null) {
                model.evaluateOn(chosen);
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        return new ToolBar(latest, open, data, busy);
    }

    private Node statusLine() {
        Label description = new Label();
        description.setId("modelDescription");
        description.textProperty().bind(model.modelDescriptionProperty());
        description.getStyleClass().add("text-bold");
        Label status = new Label();
        status.setId("evaluateStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        VBox box = new VBox(4, description, status);
        box.setPadding(new Insets(6, 10, 6, 10));
        return box;
    }

    // --- Metrics and confusion matrix ---------------------------------------------------------------------------

    private Node metricsSection() {
        TableView<EvaluateViewModel.MetricRow> summary = new TableView<>(model.metrics());
        summary.setId("metricsTable");
        summary.getColumns().add(column("Metric", row -> row.name(), 210));
        summary.getColumns().add(column("Value", row -> number(row.value()), 90));
        summary.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        summary.setPrefHeight(330);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        TableView<ClassMetrics> perClass = new TableView<>(model.classMetrics());
        perClass.setId("classTable");
        perClass.getColumns().add(column("Class", ClassMetrics::className, 110));
        perClass.getColumns().add(column("Precision", m -> number(m.precision()), 80));
        perClass.getColumns().add(column("Recall", m -> number(m.recall()), 80));
        perClass.getColumns().add(column("F1", m -> number(m.f1()), 80));
        perClass.getColumns().add(column("Support", m -> Integer.toString(m.support()), 70));
        perClass.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        VBox.setVgrow(perClass, Priority.ALWAYS);
        Label perClassTitle = new Label("Per class");
        for (Node node : new Node[] {perClassTitle, perClass}) {
            node.visibleProperty().bind(Bindings.isNotEmpty(model.classMetrics()));
            node.managedProperty().bind(node.visibleProperty());
        }
        VBox tables = new VBox(6, new Label("Metrics"), summary, perClassTitle, perClass);
        tables.setPadding(new Insets(6));

        confusionMatrix.setId("confusionMatrix");
        confusionMatrix.setOnCellClicked(model::selectCell);
        Label cellTitle = new Label();
        cellTitle.setId("cellTitle");
        cellTitle.setWrapText(true);
        cellTitle.textProperty().bind(model.cellTitleProperty());
        ListView<EvaluatedSample> samples = new ListView<>(model.cellSamples());
        samples.setId("cellSamples");
        samples.setCellFactory(list -> new SampleCell());
        VBox.setVgrow(samples, Priority.ALWAYS);
        VBox sampleBox = new VBox(6, cellTitle, samples);
        sampleBox.setPadding(new Insets(6));
        matrixOrScatter.getChildren().setAll(confusionMatrix);

        SplitPane right = new SplitPane(matrixOrScatter, sampleBox);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.6);
        SplitPane split = new SplitPane(tables, right);
        split.setDividerPositions(0.4);
        return split;
    }

    private void showResult(EvaluationResult result) {
        if (result == null) {
            return;
        }
        if (result.isClassification()) {
            confusionMatrix.setMetrics(result.report().classification());
            matrixOrScatter.getChildren().setAll(confusionMatrix);
            rocChart.setCurves(result.curves());
            precisionRecallChart.setCurves(result.curves());
            curves.getItems().setAll(rocChart, precisionRecallChart);
        } else {
            predictedVsActual.setData(result.actualValues(), result.predictedValues());
            residuals.setData(result.actualValues(), result.predictedValues());
            Label hint = new Label("A regression model has no confusion matrix: the Curves section shows its"
                    + " predictions against the actual values, and below are its largest errors.");
            hint.setWrapText(true);
            matrixOrScatter.getChildren().setAll(hint);
            curves.getItems().setAll(predictedVsActual, residuals);
        }
    }

    /** A listed sample: its thumbnail (images), id, confidence and row or text. */
    private static final class SampleCell extends ListCell<EvaluatedSample> {
        @Override
        protected void updateItem(EvaluatedSample sample, boolean empty) {
            super.updateItem(sample, empty);
            if (empty || sample == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String score = sample.predictedClass() >= 0
                    ? String.format(Locale.ROOT, "confidence %.3f", sample.confidence())
                    : String.format(Locale.ROOT, "actual %.4g, predicted %.4g", sample.actualValue(),
                            sample.predictedValue());
            String line = sample.id() + "   " + score + (sample.text().isEmpty() ? "" : "   " + sample.text());
            setText(line);
            setGraphic(sample.image() == null ? null : thumbnail(sample.image()));
        }
    }

    static ImageView thumbnail(SampleImage image) {
        return new ImageView(toFxImage(image));
    }

    /** Draws the image's levels, each pixel as a {@value #THUMBNAIL_SCALE}-pixel square. */
    static Image toFxImage(SampleImage image) {
        WritableImage fx = new WritableImage(image.width() * THUMBNAIL_SCALE, image.height() * THUMBNAIL_SCALE);
        PixelWriter pixels = fx.getPixelWriter();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                Color color = image.channels() == 1 ? Color.gray(image.level(0, y, x))
                        : Color.color(image.level(0, y, x), image.level(1, y, x), image.level(2, y, x));
                for (int dy = 0; dy < THUMBNAIL_SCALE; dy++) {
                    for (int dx = 0; dx < THUMBNAIL_SCALE; dx++) {
                        pixels.setColor(x * THUMBNAIL_SCALE + dx, y * THUMBNAIL_SCALE + dy, color);
                    }
                }
            }
        }
        return fx;
    }

    // --- Curves -------------------------------------------------------------------------------------------------

    private Node curvesSection() {
        rocChart.setId("rocChart");
        precisionRecallChart.setId("precisionRecallChart");
        predictedVsActual.setId("predictedVsActual");
        residuals.setId("residualHistogram");
        curves.getItems().setAll(rocChart, precisionRecallChart);
        return curves;
    }

    // --- Try it -------------------------------------------------------------------------------------------------

    private Node tryItSection() {
        tableForm.setHgap(8);
        tableForm.setVgap(6);
        tableForm.setId("tryForm");
        Label predicted = new Label("Fill in the input and click Predict to see what the model says.");
        predicted.setId("predictedClass");
        predicted.getStyleClass().add("title-3");
        VBox probabilities = new VBox(4);
        probabilities.setId("probabilities");
        model.tryItProperty().addListener((o, old, now) -> {
            predicted.setText(now == null ? "" : "Prediction for " + now.input() + ": " + now.predicted());
            probabilities.getChildren().setAll(now == null ? List.of() : now.probabilities().stream()
                    .map(EvaluateView::probabilityBar).toList());
        });
        VBox output = new VBox(8, predicted, probabilities);
        output.setPadding(new Insets(10));
        showTryInput();
        ScrollPane input = new ScrollPane(tryInput);
        input.setFitToWidth(true);
        SplitPane split = new SplitPane(input, output);
        split.setDividerPositions(0.5);
        return split;
    }

    private static Node probabilityBar(TryItPrediction.ClassProbability probability) {
        Label name = new Label(probability.className());
        name.setMinWidth(100);
        ProgressBar bar = new ProgressBar(probability.probability());
        bar.setPrefWidth(220);
        Label value = new Label(String.format(Locale.ROOT, "%.3f", probability.probability()));
        value.getStyleClass().add("probability");
        HBox row = new HBox(8, name, bar, value);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void showTryInput() {
        Node input = switch (model.inputKindProperty().get()) {
            case TABLE -> tableInput();
            case TEXT -> textInput();
            case IMAGE -> imageInput();
            case NONE -> new Label("Open a model to try it on your own input.");
        };
        tryInput.getChildren().setAll(input);
        StackPane.setAlignment(input, Pos.TOP_LEFT);
        StackPane.setMargin(input, new Insets(10));
    }

    private Node tableInput() {
        tableForm.getChildren().clear();
        tableFields.clear();
        int row = 0;
        for (FittedColumn column : model.inputColumns()) {
            Control field;
            if (column.type() == ColumnType.CATEGORICAL) {
                ComboBox<String> choice = new ComboBox<>();
                choice.getItems().setAll(column.categories());
                choice.setEditable(true);
                choice.setPromptText(column.fillValue());
                field = choice;
            } else {
                TextField text = new TextField();
                text.setPromptText(shortNumber(column.fillValue()));
                field = text;
            }
            field.setId("input-" + column.name());
            tableFields.put(column.name(), field);
            tableForm.addRow(row++, new Label(column.name()), field);
        }
        Button predict = new Button("Predict");
        predict.setId("predictButton");
        predict.setDefaultButton(true);
        predict.setOnAction(e -> model.predictRow(typedRow()));
        Label hint = new Label("An empty field counts as missing and gets the value shown in grey (from training).");
        hint.setWrapText(true);
        return new VBox(10, tableForm, predict, hint);
    }

    private Map<String, String> typedRow() {
        Map<String, String> values = new LinkedHashMap<>();
        tableFields.forEach((name, field) -> {
            String value = field instanceof TextField text ? text.getText()
                    : ((ComboBox<?>) field).getEditor().getText();
            values.put(name, value == null ? "" : value);
        });
        return values;
    }

    private Node textInput() {
        TextArea text = new TextArea();
        text.setId("tryText");
        text.setWrapText(true);
        text.setPromptText("Type or paste a text");
        Button predict = new Button("Predict");
        predict.setId("predictButton");
        predict.setOnAction(e -> model.predictText(text.getText()));
        return new VBox(10, text, predict);
    }

    private Node imageInput() {
        ImageView preview = new ImageView();
        preview.setFitWidth(140);
        preview.setFitHeight(140);
        preview.setPreserveRatio(true);
        Label drop = new Label("Drop an image file here, or choose one.");
        Button choose = new Button("Choose Image…");
        choose.setId("chooseImage");
        VBox box = new VBox(10, drop, choose, preview);
        box.setId("imageDrop");
        box.setPadding(new Insets(20));
        box.setStyle("-fx-border-style: dashed; -fx-border-color: -color-border-default; -fx-border-width: 2;");
        java.util.function.Consumer<Path> predictImage = file -> {
            preview.setImage(new Image(file.toUri().toString(), true));
            model.predictImage(file);
        };
        choose.setOnAction(e -> {
            Path file = files.chooseImage(getScene().getWindow());
            if (file != null) {
                predictImage.accept(file);
            }
        });
        box.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        box.setOnDragDropped(event -> {
            boolean hasFile = event.getDragboard().hasFiles() && !event.getDragboard().getFiles().isEmpty();
            if (hasFile) {
                predictImage.accept(event.getDragboard().getFiles().get(0).toPath());
            }
            event.setDropCompleted(hasFile);
            event.consume();
        });
        return box;
    }

    // --- Cross-validation ---------------------------------------------------------------------------------------

    private Node crossValidationSection() {
        Spinner<Integer> folds = new Spinner<>(2, 20, model.foldsProperty().get());
        folds.setId("folds");
        folds.setEditable(true);
        folds.setPrefWidth(80);
        model.foldsProperty().bind(folds.valueProperty());
        Spinner<Integer> epochs = new Spinner<>(1, 10_000, model.foldEpochsProperty().get());
        epochs.setId("foldEpochs");
        epochs.setEditable(true);
        epochs.setPrefWidth(100);
        // The model sets the epochs from the bundle; the spinner follows and writes back.
        model.foldEpochsProperty().addListener((o, old, now) -> epochs.getValueFactory().setValue(now.intValue()));
        epochs.valueProperty().addListener((o, old, now) -> model.foldEpochsProperty().set(now));

        Button start = new Button("Cross-Validate");
        start.setId("startCrossValidation");
        start.disableProperty().bind(model.crossValidationProperty().isNotNull()
                .or(model.inputKindProperty().isNotEqualTo(EvaluateViewModel.InputKind.TABLE))
                .or(model.dataFileProperty().isNull()));
        start.setOnAction(e -> model.startCrossValidation());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelCrossValidation");
        cancel.disableProperty().bind(model.crossValidationProperty().isNull());
        cancel.setOnAction(e -> model.cancelCrossValidation());
        ProgressBar progress = new ProgressBar();
        progress.setId("crossValidationProgress");
        progress.setPrefWidth(200);
        progress.progressProperty().bind(model.crossValidationProgressProperty());
        progress.visibleProperty().bind(model.crossValidationProperty().isNotNull());
        Label message = new Label();
        message.textProperty().bind(Bindings.select(model.crossValidationProperty(), "message"));
        HBox controls = new HBox(8, new Label("Folds"), folds, new Label("Epochs per fold"), epochs, start, cancel,
                progress, message);
        controls.setAlignment(Pos.CENTER_LEFT);

        foldTable.setId("foldTable");
        foldTable.setItems(model.foldResults());
        rebuildFoldColumns();
        VBox.setVgrow(foldTable, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("crossValidationSummary");
        summary.getStyleClass().add("text-bold");
        summary.setWrapText(true);
        summary.textProperty().bind(model.crossValidationSummaryProperty());
        Label explain = new Label("Trains the open model's network and settings k times on the evaluated table, each"
                + " time holding out one fold (stratified by class) to score it; the spread of the scores shows how"
                + " much one test split can mislead.");
        explain.setWrapText(true);
        VBox box = new VBox(10, explain, controls, foldTable, summary);
        box.setPadding(new Insets(10));
        return box;
    }

    private void rebuildFoldColumns() {
        foldTable.getColumns().clear();
        foldTable.getColumns().add(column("Fold", f -> Integer.toString(f.fold() + 1), 60));
        foldTable.getColumns().add(column("Training rows", f -> Integer.toString(f.trainingRows()), 150));
        foldTable.getColumns().add(column("Held-out rows", f -> Integer.toString(f.heldOutRows()), 150));
        var opened = model.modelProperty().get();
        var task = opened == null ? io.neuralworkbench.engine.data.TaskType.CLASSIFICATION
                : opened.bundle().preprocessing().task();
        for (String metric : CrossValidationResult.metricNames(task)) {
            foldTable.getColumns().add(column(metric, f -> number(f.metric(metric)), 120));
        }
        foldTable.getColumns().add(column("Training seconds",
                f -> String.format(Locale.ROOT, "%.1f", f.trainingSeconds()), 160));
    }

    // --- Helpers ------------------------------------------------------------------------------------------------

    private static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A training mean such as 5.855882352941177 as 5.856; text that is not a number stays as it is. */
    static String shortNumber(String value) {
        try {
            return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", Double.parseDouble(value)))
                    .stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** Four decimals for scores; significant digits for errors far from 1 (an MSE of 0.003 or 1.3 million). */
    static String number(double value) {
        double size = Math.abs(value);
        boolean decimals = size == 0 || (size >= 0.01 && size < 100_000);
        return String.format(Locale.ROOT, decimals ? "%.4f" : "%.4g", value);
    }
}
