package io.neuralworkbench.app.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.neuralworkbench.app.cli.SampleData;
import io.neuralworkbench.app.gui.data.DataView;
import io.neuralworkbench.app.gui.data.DataViewModel;
import io.neuralworkbench.app.gui.evaluate.EvaluateFiles;
import io.neuralworkbench.charts.ChartComponent;
import io.neuralworkbench.app.gui.evaluate.EvaluateView;
import io.neuralworkbench.app.gui.evaluate.EvaluateViewModel;
import io.neuralworkbench.app.gui.export.ExportDialogs;
import io.neuralworkbench.app.gui.export.ExportView;
import io.neuralworkbench.app.gui.export.ExportViewModel;
import io.neuralworkbench.app.gui.train.TrainView;
import io.neuralworkbench.app.gui.train.TrainViewModel;
import io.neuralworkbench.app.gui.design.DesignView;
import io.neuralworkbench.app.samples.SampleProject;
import io.neuralworkbench.app.settings.BackendAvailability;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.settings.Settings;
import io.neuralworkbench.app.settings.WindowPlacement;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.Version;
import io.neuralworkbench.engine.backend.BackendReport;
import io.neuralworkbench.engine.project.Project;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The workbench window: menu bar, toolbar, the workflow as tabs (Data → Design → Train → Evaluate → Export) and
 * the status bar. Reading and writing files runs in background tasks; their outcome comes back here on the
 * JavaFX thread.
 */
public final class MainWindow {
    static final Duration AUTOSAVE_INTERVAL = Duration.minutes(1);
    private static final double BASE_FONT_SIZE = 13;

    private final Stage stage;
    private final Settings settings;
    private final ProjectSession session;
    private final TaskCenter tasks;
    private final FileDialogs dialogs;
    private final DataViewModel dataModel;
    private final TabPane workflow = new TabPane();
    private final Tab dataTab;
    private final DesignView designView;
    private final Tab designTab;
    private final EvaluateViewModel evaluateModel;
    private final Tab evaluateTab;
    private final WelcomeView welcome;
    private final ReadOnlyObjectWrapper<BackendAvailability> backendAvailability = new ReadOnlyObjectWrapper<>();
    private final StatusBar statusBar;
    private final BorderPane root = new BorderPane();
    private final Menu recentMenu = new Menu("Open Recent");

    public MainWindow(Stage stage, Settings settings, ProjectSession session, TaskCenter tasks, FileDialogs dialogs) {
        this.stage = stage;
        this.settings = settings;
        this.session = session;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.dataModel = new DataViewModel(session, tasks);
        tasks.setFailureHandler(this::showError);
        statusBar = new StatusBar(tasks);

        DataView dataView = new DataView(dataModel, session, this::openDataFromDialog, e -> showError("The change", e));
        dataTab = new Tab("1  Data", dataView);
        designView = new DesignView(session, tasks);
        designTab = new Tab("2  Design", designView);
        designTab.setId("designTab");
        evaluateModel = new EvaluateViewModel(session, tasks);
        evaluateTab = tabBuiltWhenShown("4  Evaluate", () -> new EvaluateView(evaluateModel, EvaluateFiles.platform()));
        evaluateTab.setId("evaluateTab");
        workflow.setId("workflow");
        // Train, Evaluate and Export are built when first shown: their charts cost a second of start-up.
        workflow.getTabs().addAll(dataTab,
                designTab,
                tabBuiltWhenShown("3  Train", () -> {
                    TrainView trainView = TrainView.create(session, tasks, stage, settings.computeProperty());
                    statusBar.followTraining(trainView.model().phaseProperty().isNotEqualTo(TrainViewModel.Phase.IDLE),
                            trainView.model().epochTextProperty());
                    return trainView;
                }),
                evaluateTab,
                tabBuiltWhenShown("5  Export", () -> new ExportView(new ExportViewModel(session, tasks),
                        ExportDialogs.platform(), WorkbenchApp::showDocument)));
        workflow.getTabs().forEach(tab -> tab.setClosable(false));

        root.setTop(new VBox(menuBar(), toolBar()));
        welcome = new WelcomeView(session.recentProjects(), welcomeActions());
        showWelcomeWithoutProject();
        session.projectProperty().addListener((o, old, now) -> showWelcomeWithoutProject());
        root.setBottom(statusBar);
        root.setId("mainWindow");
        enableDrop();

        WindowPlacement placement = settings.windowPlacement();
        // Never larger than the screen: a laptop after a big monitor, or a projector in a classroom.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(placement.width(), screen.getWidth()),
                Math.min(placement.height(), screen.getHeight()));
        stage.setScene(scene);
        placeOnScreen(stage, placement);
        stage.setOnHidden(e -> settings.rememberWindowPlacement(stage.isMaximized()
                ? new WindowPlacement(stage.getX(), stage.getY(), placement.width(), placement.height(), true)
                : new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false)));
        stage.titleProperty().bind(Bindings.createStringBinding(this::title, session.projectProperty(),
                session.fileProperty(), session.dirtyProperty()));
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
            }
        });
        applyTheme();
        settings.themeProperty().addListener((o, old, now) -> applyTheme());
        settings.fontScaleProperty().addListener((o, old, now) -> applyFontScale());
        settings.presentationModeProperty().addListener((o, old, now) -> applyFontScale());
        applyFontScale();

        Timeline autosave = new Timeline(new KeyFrame(AUTOSAVE_INTERVAL, e -> autosaveNow()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        // The window ends when its stage closes or shows another scene; its autosave ends with it.
        stage.sceneProperty().addListener((o, old, now) -> {
            if (now != scene) {
                autosave.stop();
            }
        });
        stage.setOnHidden(e -> autosave.stop());
    }

    public Stage stage() {
        return stage;
    }

    public DataViewModel dataModel() {
        return dataModel;
    }

    /** Loads ND4J in the background (a few seconds) and shows the backend and device in the status bar. */
    public void loadBackendReport() {
        tasks.<BackendReport>submit("Loading the compute backend", progress -> BackendReport.current(), report -> {
            statusBar.showBackend(report);
            backendAvailability.set(BackendAvailability.of(report));
        });
    }

    /** What the backend offers (CPU, GPU), once {@link #loadBackendReport} has finished; null before. */
    public ReadOnlyObjectProperty<BackendAvailability> backendAvailabilityProperty() {
        return backendAvailability.getReadOnlyProperty();
    }

    /** The Evaluate tab's state. */
    public EvaluateViewModel evaluateModel() {
        return evaluateModel;
    }

    /** The Design tab's view. */
    public DesignView designView() {
        return designView;
    }

    /**
     * Copies a sample project into a new folder under the projects folder (so earlier copies stay as the user
     * left them) and opens it; both in the background.
     */
    public void openSample(SampleProject sample) {
        if (!confirmDiscard()) {
            return;
        }
        Path projects = settings.projectFolderProperty().get();
        tasks.<Path>submit("Opening the " + sample.title() + " sample",
                progress -> sample.extractTo(freeFolder(projects, sample.id())), this::openProjectConfirmed);
    }

    /** {@code parent/name}, or {@code name-2}, {@code name-3}… when that already holds a project of the user's. */
    /** A tab whose content is made the first time the tab is selected. */
    static Tab tabBuiltWhenShown(String title, Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
    }

    /** Back where it was, unless that spot is on no screen any more (a projector was unplugged, say). */
    static void placeOnScreen(Stage stage, WindowPlacement placement) {
        boolean visible = placement.hasPosition() && !Screen.getScreensForRectangle(
                placement.x(), placement.y(), Math.min(placement.width(), 100), 40).isEmpty();
        if (visible) {
            stage.setX(placement.x());
            stage.setY(placement.y());
        }
        stage.setMaximized(placement.maximized());
    }

    private static Path freeFolder(Path parent, String name) {
        Path folder = parent.resolve(name);
        for (int copy = 2; java.nio.file.Files.exists(folder.resolve(name + Project.FILE_EXTENSION)); copy++) {
            folder = parent.resolve(name + "-" + copy);
        }
        return folder;
    }

    private void showWelcomeWithoutProject() {
        root.setCenter(session.project() == null ? welcome : workflow);
    }

    private WelcomeView.Actions welcomeActions() {
        return new WelcomeView.Actions() {
            @Override
            public void openSample(SampleProject sample) {
                MainWindow.this.openSample(sample);
            }

            @Override
            public void newProject() {
                MainWindow.this.newProject();
            }

            @Override
            public void openProject() {
                openProjectFromDialog();
            }

            @Override
            public void openRecent(Path projectFile) {
                MainWindow.this.openProject(projectFile);
            }
        };
    }

    /** Edit ▸ Settings…: the dialog applies changes as they are made. */
    public void showSettings() {
        new SettingsDialog(stage, settings, backendAvailability.getReadOnlyProperty()).show();
    }

    /** Opens the iris sample as a new project (its data copied to {@code folder}, so the project can be saved). */
    public void openSample(SampleData sample, Path folder) {
        tasks.<Path>submit("Opening the " + sample + " sample", progress -> sample.extractInto(folder), csv -> {
            if (confirmDiscard()) {
                session.newProject(Project.newFor(csv, sample.target()));
            }
        });
    }

    /** Opens a file or folder wherever it belongs (a drop, the command line, Open…). */
    public void open(Path path) {
        DropRouter.Destination destination;
        try {
            destination = DropRouter.route(path);
        } catch (UserInputException e) {
            showError("Opening " + path.getFileName(), e);
            return;
        }
        switch (destination) {
            case PROJECT -> openProject(path);
            case TABLE -> {
                workflow.getSelectionModel().select(dataTab);
                dataModel.open(path);
            }
            case IMAGE_FOLDER, IDX -> {
                workflow.getSelectionModel().select(dataTab);
                dataModel.openImages(path);
            }
            case MODEL_BUNDLE -> {
                root.setCenter(workflow); // a bundle is evaluated with or without a project open
                workflow.getSelectionModel().select(evaluateTab);
                evaluateModel.openBundle(path);
            }
        }
    }

    /** Reads a project file in the background, offering its autosave when that holds later, unsaved work. */
    public void openProject(Path file) {
        if (confirmDiscard()) {
            openProjectConfirmed(file);
        }
    }

    private void openProjectConfirmed(Path file) {
        tasks.<Project[]>submit("Opening " + file.getFileName(), progress -> {
            Project saved = ProjectSession.read(file);
            Optional<Path> autosave = ProjectSession.newerAutosaveOf(file);
            Project autosaved = autosave.map(ProjectSession::read).orElse(null);
            return new Project[] {saved, autosaved};
        }, read -> {
            if (read[1] != null && !read[1].equals(read[0]) && offerRestore(file)) {
                session.restored(read[1], file);
            } else {
                session.opened(read[0], file);
            }
            workflow.getSelectionModel().select(dataTab);
        });
    }

    private boolean offerRestore(Path file) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(stage);
        alert.setTitle("Neural Workbench");
        alert.setHeaderText("Restore unsaved changes?");
        alert.setContentText("The workbench autosaved changes to " + file.getFileName() + " that were never saved "
                + "(it may have ended unexpectedly). Restore them?");
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Open the saved project", ButtonBar.ButtonData.NO);
        alert.getButtonTypes().setAll(restore, discard);
        alert.getDialogPane().setId("restoreDialog");
        return alert.showAndWait().orElse(discard) == restore;
    }

    /** Writes the current project to its autosave side file if it has unsaved changes (every minute, every run). */
    public void autosaveNow() {
        Project project = session.project();
        if (project == null || !session.isDirty()) {
            return;
        }
        Path autosave = session.autosaveFile();
        tasks.submit("Autosaving", progress -> {
            ProjectSession.writeAutosave(project, autosave);
            return autosave;
        }, written -> { });
    }

    public void save() {
        if (session.project() == null) {
            return;
        }
        if (session.file() == null) {
            saveAs();
        } else {
            saveTo(session.file());
        }
    }

    public void saveAs() {
        Project project = session.project();
        if (project == null) {
            return;
        }
        Path chosen = dialogs.chooseProjectToSave(stage, project.name());
        if (chosen != null) {
            String name = chosen.getFileName().toString();
            saveTo(name.endsWith(Project.FILE_EXTENSION) ? chosen
                    : chosen.resolveSibling(name + Project.FILE_EXTENSION));
        }
    }

    private void saveTo(Path file) {
        Project project = session.project();
        Path oldAutosave = session.autosaveFile();
        tasks.<Path>submit("Saving " + file.getFileName(), progress -> {
            ProjectSession.write(project, file);
            ProjectSession.deleteAutosave(oldAutosave);
            ProjectSession.deleteAutosave(ProjectSession.autosaveFileOf(file));
            return file;
        }, written -> session.saved(project, written));
    }

    private void newProject() {
        if (confirmDiscard()) {
            Path data = dialogs.chooseData(stage);
            if (data != null) {
                session.closeProject();
                open(data);
            }
        }
    }

    private void openDataFromDialog() {
        Path data = dialogs.chooseData(stage);
        if (data != null) {
            open(data);
        }
    }

    private void openProjectFromDialog() {
        Path file = dialogs.chooseProjectToOpen(stage);
        if (file != null) {
            openProject(file);
        }
    }

    /** Whether the current project may be replaced: saved, or the user agrees to lose the changes. */
    private boolean confirmDiscard() {
        if (!session.isDirty()) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(stage);
        alert.setHeaderText("Save the changes to " + session.project().name() + "?");
        alert.setContentText("Your changes are lost if you do not save them.");
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        alert.getButtonTypes().setAll(saveButton, discard, ButtonType.CANCEL);
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == saveButton) {
            save();
            return !session.isDirty() || session.file() != null;
        }
        return answer == discard;
    }

    private void quit() {
        if (confirmDiscard()) {
            tasks.cancelAll();
            Platform.exit();
        }
    }

    private MenuBar menuBar() {
        MenuItem newItem = item("New…", "Shortcut+N", this::newProject);
        MenuItem openItem = item("Open…", "Shortcut+O", this::openProjectFromDialog);
        MenuItem openData = item("Open Data…", "Shortcut+D", this::openDataFromDialog);
        MenuItem saveItem = item("Save", "Shortcut+S", this::save);
        MenuItem saveAsItem = item("Save As…", "Shortcut+Shift+S", this::saveAs);
        MenuItem quitItem = item("Quit", "Shortcut+Q", this::quit);
        saveItem.setId("saveMenuItem");
        saveAsItem.setId("saveAsMenuItem");
        recentMenu.setId("recentMenu");
        updateRecentMenu();
        session.recentProjects().addListener((ListChangeListener<Path>) change -> updateRecentMenu());
        Menu file = new Menu("File", null, newItem, openItem, recentMenu, openData, new SeparatorMenuItem(),
                saveItem, saveAsItem, new SeparatorMenuItem(), quitItem);
        file.setId("fileMenu");

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light theme");
        RadioMenuItem dark = new RadioMenuItem("Dark theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setSelected(settings.themeProperty().get() == Settings.Theme.LIGHT);
        dark.setSelected(settings.themeProperty().get() == Settings.Theme.DARK);
        light.setOnAction(e -> settings.themeProperty().set(Settings.Theme.LIGHT));
        dark.setOnAction(e -> settings.themeProperty().set(Settings.Theme.DARK));
        CheckMenuItem presentation = new CheckMenuItem("Presentation Mode (large fonts)");
        presentation.setAccelerator(KeyCombination.keyCombination("F11"));
        presentation.selectedProperty().bindBidirectional(settings.presentationModeProperty());
        MenuItem larger = item("Larger Text", "Shortcut+Plus",
                () -> settings.fontScaleProperty().set(settings.fontScaleProperty().get() + 0.1));
        MenuItem smaller = item("Smaller Text", "Shortcut+Minus",
                () -> settings.fontScaleProperty().set(settings.fontScaleProperty().get() - 0.1));
        Menu view = new Menu("View", null, light, dark, new SeparatorMenuItem(), presentation, larger, smaller);

        // With the focus inside the designer, its own key handling takes Ctrl+Z first; these serve the tab as a whole.
        MenuItem undo = item("Undo", "Shortcut+Z", () -> designerInUse().ifPresent(DesignerModel::undo));
        MenuItem redo = item("Redo", "Shortcut+Y", () -> designerInUse().ifPresent(DesignerModel::redo));
        undo.setId("undoMenuItem");
        redo.setId("redoMenuItem");
        MenuItem settingsItem = item("Settings…", "Shortcut+Comma", this::showSettings);
        settingsItem.setId("settingsMenuItem");
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), settingsItem);
        edit.setId("editMenu");
        edit.setOnShowing(e -> {
            Optional<DesignerModel> designer = designerInUse();
            undo.setText(designer.flatMap(DesignerModel::undoDescription).map(d -> "Undo " + d).orElse("Undo"));
            redo.setText(designer.flatMap(DesignerModel::redoDescription).map(d -> "Redo " + d).orElse("Redo"));
        });

        Menu help = new Menu("Help", null, item("About Neural Workbench", null, this::showAbout));
        return new MenuBar(file, edit, view, help);
    }

    /** The designer, when the Design tab is the one showing: undo and redo belong to it there and nowhere else. */
    private Optional<DesignerModel> designerInUse() {
        boolean designing = root.getCenter() == workflow
                && workflow.getSelectionModel().getSelectedItem() == designTab;
        return designing ? designView.model() : Optional.empty();
    }

    private ToolBar toolBar() {
        Button newButton = new Button("New");
        newButton.setOnAction(e -> newProject());
        Button openButton = new Button("Open");
        openButton.setOnAction(e -> openProjectFromDialog());
        Button saveButton = new Button("Save");
        saveButton.setId("saveButton");
        saveButton.setOnAction(e -> save());
        saveButton.disableProperty().bind(session.dirtyProperty().not());
        Button dataButton = new Button("Open Data");
        dataButton.setOnAction(e -> openDataFromDialog());
        return new ToolBar(newButton, openButton, saveButton, dataButton);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void updateRecentMenu() {
        List<MenuItem> items = session.recentProjects().stream()
                .map(path -> item(path.getFileName() + "  —  " + path.getParent(), null, () -> openProject(path)))
                .toList();
        recentMenu.getItems().setAll(items);
        recentMenu.setDisable(items.isEmpty());
    }

    private static Tab comingLater(String title, String what) {
        Label label = new Label(what + " is coming in the next build.");
        label.getStyleClass().add("title-3");
        label.setId("comingLater");
        StackPane pane = new StackPane(label);
        pane.setAlignment(Pos.CENTER);
        return new Tab(title, pane);
    }

    private void enableDrop() {
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            List<java.io.File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
            event.setDropCompleted(!files.isEmpty());
            event.consume();
            // The drop gesture ends first; opening may ask questions in dialogs.
            if (!files.isEmpty()) {
                Platform.runLater(() -> dropped(files.get(0).toPath()));
            }
        });
    }

    /** What a drop of {@code file} on the window does (the drag-and-drop handler calls this). */
    public void dropped(Path file) {
        open(file);
    }

    private String title() {
        Project project = session.project();
        if (project == null) {
            return "Neural Workbench";
        }
        return (session.isDirty() ? "• " : "") + project.name()
                + (session.file() == null ? " (not saved)" : " — " + session.file().getFileName())
                + " — Neural Workbench";
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(settings.themeProperty().get() == Settings.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private void applyFontScale() {
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;",
                BASE_FONT_SIZE * settings.effectiveFontScale()));
        // The charts' own presentation mode (large fonts, high contrast, thick lines), for every chart in the window.
        root.getStyleClass().remove(ChartComponent.PRESENTATION_STYLE_CLASS);
        if (settings.presentationModeProperty().get()) {
            root.getStyleClass().add(ChartComponent.PRESENTATION_STYLE_CLASS);
        }
    }

    private void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(stage);
        about.setTitle("About Neural Workbench");
        about.setHeaderText("Neural Workbench " + Version.current());
        about.setContentText("Load data, design, train, evaluate and export neural networks.\nJava "
                + Runtime.version() + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        about.show();
    }

    private void showInformation(String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message);
        alert.initOwner(stage);
        alert.setHeaderText(null);
        alert.show();
    }

    /** Shows a failure as a dialog; never blocks the caller (a task's completion handler). */
    public void showError(String whatFailed, Throwable problem) {
        if (problem instanceof java.util.concurrent.CancellationException) {
            return;
        }
        ErrorDialogs.create(stage, whatFailed, problem).show();
    }
}
