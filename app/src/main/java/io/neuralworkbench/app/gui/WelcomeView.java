package io.neuralworkbench.app.gui;

import java.nio.file.Path;
import java.util.function.Consumer;

import io.neuralworkbench.app.samples.SampleProject;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What the window shows while no project is open: the sample projects as cards, New and Open, and the recent
 * projects. It only offers; the window does the opening.
 */
final class WelcomeView extends ScrollPane {
    private static final double CARD_WIDTH = 250;

    /** What the choices on the screen do. */
    interface Actions {
        void openSample(SampleProject sample);

        void newProject();

        void openProject();

        void openRecent(Path projectFile);
    }

    private final VBox recentList = new VBox(2);

    WelcomeView(ObservableList<Path> recentProjects, Actions actions) {
        setId("welcome");
        setFitToWidth(true);

        Label title = new Label("Neural Workbench");
        title.getStyleClass().add("title-1");
        Label subtitle = new Label("Load data, design a network, train it and see how well it does. "
                + "Start from a sample, or from data of your own.");
        subtitle.setWrapText(true);

        FlowPane samples = new FlowPane(12, 12);
        samples.setRowValignment(javafx.geometry.VPos.TOP);
        for (SampleProject sample : SampleProject.values()) {
            samples.getChildren().add(card(sample, actions::openSample));
        }

        Button newProject = new Button("New project from data…");
        newProject.setId("welcomeNew");
        newProject.getStyleClass().add("accent");
        newProject.setOnAction(e -> actions.newProject());
        Button openProject = new Button("Open project…");
        openProject.setId("welcomeOpen");
        openProject.setOnAction(e -> actions.openProject());

        recentList.setId("welcomeRecent");
        showRecent(recentProjects, actions);
        recentProjects.addListener((ListChangeListener<Path>) change -> showRecent(recentProjects, actions));

        VBox content = new VBox(14, title, subtitle, heading("Samples"), samples, heading("Your projects"),
                new HBox(8, newProject, openProject), recentList);
        content.setPadding(new Insets(32, 40, 32, 40));
        content.setMaxWidth(4 * (CARD_WIDTH + 12) + 80);
        content.setAlignment(Pos.TOP_LEFT);
        setContent(content);
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("title-3");
        return heading;
    }

    /**
     * A sample as a card: its title and what it teaches; a click (or Enter/Space with the focus on it) opens a fresh
     * copy. A box rather than a button, since a button sizes wrapped text in its graphic far too tall.
     */
    private static VBox card(SampleProject sample, Consumer<SampleProject> open) {
        Label title = new Label(sample.title());
        title.getStyleClass().add("title-4");
        Label description = new Label(sample.description());
        description.setWrapText(true);
        description.getStyleClass().add("text-muted");
        VBox card = new VBox(6, title, description);
        card.setId("sample-" + sample.id());
        card.getStyleClass().add("sample-card");
        card.setStyle("-fx-padding: 12; -fx-background-radius: 6; -fx-border-radius: 6; "
                + "-fx-border-color: -color-border-default; -fx-background-color: -color-bg-subtle; -fx-cursor: hand;");
        card.setPrefWidth(CARD_WIDTH);
        card.setMinHeight(110);
        card.setFocusTraversable(true);
        card.setOnMouseClicked(e -> open.accept(sample));
        card.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                open.accept(sample);
                e.consume();
            }
        });
        return card;
    }

    private void showRecent(ObservableList<Path> recentProjects, Actions actions) {
        recentList.getChildren().clear();
        if (recentProjects.isEmpty()) {
            Label none = new Label("Projects you open or save are listed here.");
            none.getStyleClass().add("text-muted");
            recentList.getChildren().add(none);
            return;
        }
        for (Path project : recentProjects) {
            Hyperlink link = new Hyperlink(project.getFileName() + "  —  " + project.getParent());
            link.setOnAction(e -> actions.openRecent(project));
            recentList.getChildren().add(link);
        }
    }
}
