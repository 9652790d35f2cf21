package io.neuralworkbench.designer.view;

import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.designer.model.Problem;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.List;

/** Every problem of the network; a click shows the node on the canvas, "Fix" applies the one-click repair. */
final class ProblemsPane extends ListView<Problem> {

    ProblemsPane(DesignerModel model, NetworkCanvas canvas) {
        setId("problems");
        getStyleClass().add("problems");
        setPlaceholder(new Label("No problems: the network can be trained."));
        setCellFactory(list -> new ProblemCell(canvas));
        getSelectionModel().selectedItemProperty().addListener((o, old, problem) -> {
            if (problem != null && problem.diagnostic().node() != null) {
                model.select(List.of(problem.diagnostic().node()));
                canvas.reveal(problem.diagnostic().node());
            }
        });
        model.addListener(change -> {
            if (change != DesignerModel.Change.SELECTION && !sameProblems(getItems(), model.analysis().problems())) {
                getItems().setAll(model.analysis().problems());
            }
        });
        getItems().setAll(model.analysis().problems());
    }

    /** Same messages and fixes: the list is left alone (fix commands are new objects after every validation). */
    private static boolean sameProblems(List<Problem> shown, List<Problem> current) {
        return shown.size() == current.size() && java.util.stream.IntStream.range(0, shown.size()).allMatch(i ->
                shown.get(i).diagnostic().equals(current.get(i).diagnostic())
                        && shown.get(i).quickFix().map(fix -> fix.label())
                        .equals(current.get(i).quickFix().map(fix -> fix.label())));
    }

    private static final class ProblemCell extends ListCell<Problem> {
        private final NetworkCanvas canvas;

        ProblemCell(NetworkCanvas canvas) {
            this.canvas = canvas;
        }

        @Override
        protected void updateItem(Problem problem, boolean empty) {
            super.updateItem(problem, empty);
            if (empty || problem == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label severity = new Label(problem.diagnostic().isError() ? "⛔" : "⚠");
            severity.getStyleClass().add(problem.diagnostic().isError() ? "problem-error" : "problem-warning");
            Label text = new Label(problem.text());
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(8, severity);
            // the fix comes before the text, so it stays visible when the message is longer than the list is wide
            problem.quickFix().ifPresent(fix -> {
                Button button = new Button("Fix: " + fix.label());
                button.getStyleClass().add("fix-button");
                button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                button.setOnAction(e -> canvas.run(fix.command()));
                row.getChildren().add(button);
            });
            row.getChildren().add(text);
            setText(null);
            setGraphic(row);
        }
    }
}
