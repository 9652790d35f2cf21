package io.neuralworkbench.designer.view;

import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.designer.model.NetworkSummary;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Totals of the network (parameters, memory at the chosen batch size, multiply-adds) and the last message. */
final class SummaryBar extends HBox {
    private final Label totals = new Label();
    private final Label status = new Label();

    SummaryBar(DesignerModel model) {
        setSpacing(10);
        getStyleClass().add("summary-bar");
        totals.setId("summary");
        status.setId("status");
        status.getStyleClass().add("status");
        Spinner<Integer> batch = new Spinner<>(1, 65_536, model.batchSize());
        batch.setEditable(true);
        batch.setPrefWidth(90);
        batch.setId("batch-size");
        batch.valueProperty().addListener((o, old, size) -> model.setBatchSize(size));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(totals, spacer, status, new Label("batch size"), batch);
        model.addListener(change -> show(model.analysis().summary(), model.analysisPending()));
        show(model.analysis().summary(), model.analysisPending());
    }

    private void show(NetworkSummary summary, boolean pending) {
        totals.setText(summary.describe() + (pending ? " · validating…" : ""));
        totals.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), summary.errors() > 0);
    }

    void setStatus(String message) {
        status.setText(message);
    }
}
