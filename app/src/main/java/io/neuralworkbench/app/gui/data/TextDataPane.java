package io.neuralworkbench.app.gui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.engine.data.SplitFractions;
import io.neuralworkbench.engine.data.text.TextEncoding;
import io.neuralworkbench.engine.data.text.TextOptions;
import io.neuralworkbench.engine.project.Project;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The Data step for labelled texts: example texts per class, the vocabulary the training split gives, the
 * texts' lengths in tokens, and the choices that go into the project's {@link TextOptions}.
 */
final class TextDataPane extends BorderPane {
    /** The text-column choice that makes the file a plain table again. */
    static final String NO_TEXT_COLUMN = "(none: a table)";
    private static final int EXAMPLE_CHARACTERS = 160;

    private final DataViewModel model;
    private final ProjectSession session;
    private final Consumer<Throwable> errors;
    private final Label vocabulary = new Label("Reading the texts…");
    private final Label lengths = new Label();
    private final Label notes = new Label();
    private final VBox examples = new VBox(6);
    private final ComboBox<String> textColumn = new ComboBox<>();
    private final ComboBox<String> labelColumn = new ComboBox<>();
    private final ComboBox<TextEncoding> encoding = new ComboBox<>(FXCollections.observableArrayList(TextEncoding.values()));
    private final TextField maxLength = FormFields.numberField("textMaxLength", 6);
    private final TextField maxWords = FormFields.numberField("textMaxWords", 6);
    private final TextField minFrequency = FormFields.numberField("textMinFrequency", 6);
    private final TextField trainPercent = FormFields.numberField("textTrainPercent", 4);
    private final TextField validationPercent = FormFields.numberField("textValidationPercent", 4);
    private final TextField testPercent = FormFields.numberField("textTestPercent", 4);
    private final TextField seed = FormFields.numberField("textSeed", 8);
    private final ClassBalanceChart classBalance = new ClassBalanceChart("textClassBalanceChart");
    private boolean updating;

    TextDataPane(DataViewModel model, ProjectSession session, Consumer<Throwable> errors) {
        this.model = model;
        this.session = session;
        this.errors = errors;
        setId("textDataPane");
        vocabulary.setId("vocabularySize");
        vocabulary.setWrapText(true);
        lengths.setId("textLengths");
        lengths.setWrapText(true);
        notes.setId("textNotes");
        notes.setWrapText(true);
        examples.setId("textExamples");
        ScrollPane exampleScroll = new ScrollPane(examples);
        exampleScroll.setFitToWidth(true);
        VBox center = new VBox(8, FormFields.titled("Vocabulary and lengths", new VBox(4, vocabulary, lengths, notes)),
                FormFields.titled("Examples per class", exampleScroll));
        VBox.setVgrow(center.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        setCenter(center);
        setRight(choicesPanel());
        model.textSetProperty().addListener((o, old, now) -> show(now));
        model.snapshotProperty().addListener((o, old, now) -> showChoices(session.project()));
        session.projectProperty().addListener((o, old, now) -> showChoices(now));
        show(model.textSet());
        showChoices(session.project());
    }

    private ScrollPane choicesPanel() {
        textColumn.setId("textColumn");
        labelColumn.setId("labelColumn");
        encoding.setId("textEncoding");
        textColumn.valueProperty().addListener((o, old, now) -> act(() ->
                model.chooseTextColumn(NO_TEXT_COLUMN.equals(now) ? null : now)));
        labelColumn.valueProperty().addListener((o, old, now) -> act(() -> model.chooseTarget(now)));
        encoding.setPrefWidth(210);
        encoding.setConverter(FormFields.named(encoding.getItems(), List.of("Word sequence",
                "Bag of words", "TF-IDF")));
        Button apply = new Button("Apply");
        apply.setId("applyTextOptions");
        apply.setOnAction(e -> act(() -> model.applyTextOptions(options())));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Text column"), textColumn);
        form.addRow(row++, new Label("Label column"), labelColumn);
        form.addRow(row++, new Label("Encoding"), encoding);
        form.addRow(row++, new Label("Tokens kept per text"), maxLength);
        form.addRow(row++, withTip("Max words", "The vocabulary keeps at most this many words, the most frequent"
                + " in the training texts"), maxWords);
        form.addRow(row++, withTip("Min frequency", "A word must occur this often in the training texts to be in the"
                + " vocabulary; rarer words read as unknown"), minFrequency);
        form.addRow(row++, new Label("Training %"), trainPercent);
        form.addRow(row++, new Label("Validation %"), validationPercent);
        form.addRow(row++, new Label("Test %"), testPercent);
        form.addRow(row++, new Label("Seed"), seed);
        form.add(apply, 1, row);

        Label heading = new Label("Texts");
        heading.getStyleClass().add("title-4");
        VBox panel = new VBox(10, heading, form, classBalance);
        panel.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(380);
        scroll.setPrefWidth(380);
        return scroll;
    }

    private static Label withTip(String text, String tip) {
        Label label = new Label(text);
        label.setTooltip(new javafx.scene.control.Tooltip(tip));
        return label;
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

    private TextOptions options() {
        SplitFractions split = new SplitFractions(FormFields.number("training share", trainPercent) / 100,
                FormFields.number("validation share", validationPercent) / 100,
                FormFields.number("test share", testPercent) / 100);
        return new TextOptions(encoding.getValue(),
                FormFields.wholeNumber("number of tokens kept", maxLength, 1, 100_000),
                FormFields.wholeNumber("vocabulary size", maxWords, 1, 10_000_000),
                FormFields.wholeNumber("minimum word frequency", minFrequency, 1, 10_000_000), split,
                FormFields.wholeNumber("seed", seed));
    }

    private void showChoices(Project project) {
        TableSnapshot table = model.snapshot();
        if (project == null || project.data().textColumn() == null) {
            return;
        }
        updating = true;
        try {
            if (table != null && table.file().equals(project.dataFile())) {
                List<String> columns = table.preview().columnNames();
                List<String> textChoices = new ArrayList<>(columns);
                textChoices.add(NO_TEXT_COLUMN);
                if (!textColumn.getItems().equals(textChoices)) {
                    textColumn.getItems().setAll(textChoices);
                    labelColumn.getItems().setAll(columns);
                }
            }
            textColumn.setValue(project.data().textColumn());
            labelColumn.setValue(project.data().spec().targetColumn());
            TextOptions options = project.data().textOptions();
            encoding.setValue(options.encoding());
            maxLength.setText(String.valueOf(options.maxLength()));
            maxWords.setText(String.valueOf(options.maxWords()));
            minFrequency.setText(String.valueOf(options.minFrequency()));
            trainPercent.setText(FormFields.plain(Math.round(1000 * options.split().train()) / 10.0));
            validationPercent.setText(FormFields.plain(Math.round(1000 * options.split().validation()) / 10.0));
            testPercent.setText(FormFields.plain(Math.round(1000 * options.split().test()) / 10.0));
            seed.setText(String.valueOf(options.seed()));
        } finally {
            updating = false;
        }
    }

    private void show(TextSetSnapshot texts) {
        examples.getChildren().clear();
        if (texts == null) {
            vocabulary.setText("Reading the texts…");
            lengths.setText("");
            notes.setText("");
            classBalance.show(List.of());
            return;
        }
        vocabulary.setText(String.format(Locale.ROOT, "Vocabulary: %d words from the training split (%d token indices"
                + " with padding and the unknown word).", texts.vocabularyWords(), texts.vocabularyWords() + 2));
        TextSetSnapshot.LengthStatistics stats = texts.lengths();
        lengths.setText(String.format(Locale.ROOT, "Tokens per text: %d to %d, median %s, mean %.1f, 95 %% of texts"
                        + " at most %d; %d text%s longer than the %d tokens kept.", stats.min(), stats.max(),
                FormFields.plain(stats.median()), stats.mean(), stats.percentile95(), stats.longerThanMax(),
                stats.longerThanMax() == 1 ? " is" : "s are", texts.maxLength()));
        notes.setText(String.join("\n", texts.notes()));
        for (int c = 0; c < texts.classNames().size(); c++) {
            Label heading = new Label(String.format(Locale.ROOT, "%s — %d texts", texts.classNames().get(c),
                    texts.classCounts().get(c)));
            heading.getStyleClass().add("title-4");
            heading.setId("textClass-" + texts.classNames().get(c));
            examples.getChildren().add(heading);
            for (String example : texts.examples().get(c)) {
                Label text = new Label(example.length() > EXAMPLE_CHARACTERS
                        ? example.substring(0, EXAMPLE_CHARACTERS) + "…" : example);
                text.setWrapText(true);
                text.getStyleClass().add("text-example");
                text.setPadding(new Insets(0, 0, 0, 12));
                examples.getChildren().add(text);
            }
        }
        classBalance.show(model.classBalance());
    }
}
