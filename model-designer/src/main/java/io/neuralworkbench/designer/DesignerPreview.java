package io.neuralworkbench.designer;

import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.designer.view.DesignerPane;
import io.neuralworkbench.engine.network.Templates;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Opens the designer on its own, holding the LeNet-5 template, to look at it and take the screenshot in docs/.
 * The main class does not extend {@link Application} so that it starts from a plain class path. Arguments: the
 * names of nodes to select, so the inspector has something to show.
 */
public final class DesignerPreview {
    private DesignerPreview() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The preview window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            DesignerModel model = DesignerModel.of(Templates.lenet(28, 28, 1, 10));
            model.select(getParameters().getRaw());
            stage.setTitle("Neural Workbench – network designer (preview)");
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setScene(new Scene(new DesignerPane(model), Math.min(1600, screen.getWidth()),
                    Math.min(1200, screen.getHeight())));
            stage.show();
        }
    }
}
