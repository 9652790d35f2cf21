package io.neuralworkbench.designer;

import io.neuralworkbench.designer.commands.GroupNodes;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.designer.model.SavedBlock;
import io.neuralworkbench.designer.view.DesignerPane;
import io.neuralworkbench.engine.network.Templates;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens the designer on its own, holding the LeNet-5 template, to look at it and take the screenshot in docs/.
 * The main class does not extend {@link Application} so that it starts from a plain class path. Arguments: the
 * names of nodes to select, so the inspector has something to show, and {@code --block=NAME:node,node,…} to fold
 * nodes into a block (it goes into My blocks too).
 */
public final class DesignerPreview {
    private static final String BLOCK = "--block=";

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
            List<String> select = new ArrayList<>();
            for (String argument : getParameters().getRaw()) {
                if (argument.startsWith(BLOCK)) {
                    String[] nameAndNodes = argument.substring(BLOCK.length()).split(":", 2);
                    model.execute(new GroupNodes(List.of(nameAndNodes[1].split(",")), nameAndNodes[0]));
                    model.blocks().put(SavedBlock.of(model.state(), model.state().group(nameAndNodes[0]).orElseThrow()));
                } else {
                    select.add(argument);
                }
            }
            model.select(select);
            stage.setTitle("Neural Workbench – network designer (preview)");
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setScene(new Scene(new DesignerPane(model), Math.min(1600, screen.getWidth()),
                    Math.min(1200, screen.getHeight())));
            stage.show();
        }
    }
}
