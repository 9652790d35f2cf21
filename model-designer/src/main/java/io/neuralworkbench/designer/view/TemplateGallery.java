package io.neuralworkbench.designer.view;

import io.neuralworkbench.designer.commands.InsertBlock;
import io.neuralworkbench.designer.commands.ReplaceNetwork;
import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.engine.network.Template;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** Every engine template, to start from ("Open", undoable) or to add beside the current network as a block. */
final class TemplateGallery extends VBox {

    TemplateGallery(DesignerModel model, NetworkCanvas canvas) {
        setSpacing(10);
        getStyleClass().add("template-gallery");
        for (Template template : Template.values()) {
            Label title = new Label(template.title());
            title.getStyleClass().add("template-title");
            Label description = new Label(template.description());
            description.setWrapText(true);
            description.getStyleClass().add("template-description");
            String id = template.name().toLowerCase(Locale.ROOT);
            Button open = new Button("Open");
            open.setId("open-" + id);
            open.setOnAction(e -> {
                if (canvas.run(new ReplaceNetwork(template.example(), "open " + template.title()))) {
                    canvas.zoomToFit();
                }
            });
            Button insert = new Button("Insert as block");
            insert.setId("insert-" + id);
            insert.setOnAction(e -> {
                Point2D right = rightOfNetwork(model);
                canvas.run(InsertBlock.laidOut(template.example(), right.getX(), right.getY(),
                        "insert " + template.title()));
            });
            VBox entry = new VBox(4, title, description, new HBox(6, open, insert));
            entry.getStyleClass().add("template-entry");
            getChildren().add(entry);
        }
    }

    /** A free place for a block: right of everything on the canvas, at the top. */
    private static Point2D rightOfNetwork(DesignerModel model) {
        double right = model.state().positions().values().stream()
                .mapToDouble(p -> p.x() + CardGeometry.WIDTH).max().orElse(0);
        double top = model.state().positions().values().stream().mapToDouble(p -> p.y()).min()
                .orElse(CardGeometry.MARGIN);
        return new Point2D(right + CardGeometry.COLUMN_SPACING - CardGeometry.WIDTH + CardGeometry.GRID * 2, top);
    }
}
