package io.neuralworkbench.app.gui.design;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.model.DesignState;
import io.neuralworkbench.designer.model.BlockLibrary;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.designer.model.NodeGroup;
import io.neuralworkbench.designer.view.DesignerPane;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Template;
import io.neuralworkbench.engine.project.NodeBlock;
import io.neuralworkbench.engine.project.NodePosition;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectData;
import io.neuralworkbench.engine.workflow.ModelTraining;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Design tab: the network designer bound to the project in the session. Every designer edit (an undoable
 * command) becomes a project edit, network and node positions together; undoing back to the network the project
 * was opened with gives back the project as opened, so it is no longer unsaved. Another project opened, or the
 * network changed elsewhere, starts the designer over. The project's data is read in the background to size the
 * network's ends ("start from the dataset") and to check the network against it.
 */
public final class DesignView extends BorderPane {
    private final ProjectSession session;
    private final TaskCenter tasks;
    private final Label note = new Label();
    private final Label placeholder = new Label();
    private final StackPane waiting = new StackPane(placeholder);
    /** "My blocks", shared by every project this window shows. */
    private final BlockLibrary blocks = new BlockLibrary();
    private DesignerModel model;
    private DesignerPane pane;
    /** The project value this view last gave the session, so that change is not taken for an outside one. */
    private Project pushed;
    private int generation = -1;
    /** The designer state the project was loaded as, and the network and layout the project held then. */
    private Baseline baseline;
    /** The data the designer's facts come from (or are being read from). */
    private ProjectData factsFor;
    /** The project has no network: the template for its data is shown once the data has been read. */
    private boolean awaitingData;

    private record Baseline(DesignState state, NetworkDescription network, Map<String, NodePosition> layout,
                            List<NodeBlock> blocks) {
    }

    public DesignView(ProjectSession session, TaskCenter tasks) {
        this(session, tasks, MyBlocksFile.defaultFile());
    }

    /** @param myBlocksFile where "My blocks" are kept between sessions (read now, written after every change) */
    public DesignView(ProjectSession session, TaskCenter tasks, Path myBlocksFile) {
        this.session = session;
        this.tasks = tasks;
        MyBlocksFile.attach(blocks, myBlocksFile, tasks);
        setId("designView");
        note.setId("designNote");
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        note.getStyleClass().add("design-note");
        note.setStyle("-fx-padding: 4 10 4 10; -fx-background-color: -color-accent-subtle;");
        placeholder.setId("designPlaceholder");
        placeholder.getStyleClass().add("title-4");
        waiting.setAlignment(Pos.CENTER);
        setCenter(waiting);
        session.projectProperty().addListener((o, old, now) -> projectChanged(now));
        projectChanged(session.project());
    }

    /** "My blocks" of this window. */
    public BlockLibrary blocks() {
        return blocks;
    }

    /** The designer's model once a network is shown; empty before. */
    public Optional<DesignerModel> model() {
        return Optional.ofNullable(model);
    }

    /** The line above the designer saying what was done automatically (e.g. sized to the data). */
    public String noteText() {
        return note.isVisible() ? note.getText() : "";
    }

    private void projectChanged(Project project) {
        if (project == null) {
            baseline = null;
            factsFor = null;
            generation = session.generation();
            waitFor("Open or create a project to design its network.");
            return;
        }
        if (project == pushed) {
            return;
        }
        boolean anotherProject = session.generation() != generation;
        generation = session.generation();
        if (anotherProject || baseline == null || !matchesDesigner(project)) {
            start(project);
        } else if (!project.data().equals(factsFor)) {
            awaitingData = project.network() == null && model.state().equals(baseline.state());
            readData(project.data());
        }
    }

    /** Whether the project holds what the designer shows (the change came from another part of the project). */
    private boolean matchesDesigner(Project project) {
        Project mapped = withDesign(project);
        return mapped.network() == null ? project.network() == null
                : mapped.network().equals(project.network()) && mapped.layout().equals(project.layout())
                        && mapped.blocks().equals(project.blocks());
    }

    private void start(Project project) {
        hideNote();
        if (project.network() == null) {
            baseline = null;
            awaitingData = true;
            waitFor("Reading the data to size a network for it…");
        } else {
            awaitingData = false;
            DesignState state = stateOf(project.network(), project.layout(), project.blocks());
            baseline = new Baseline(state, project.network(), project.layout(), project.blocks());
            show(state);
        }
        readData(project.data());
    }

    private void readData(ProjectData data) {
        factsFor = data;
        tasks.<DatasetShape>submit("Reading the data for the designer", progress -> DatasetShape.read(data),
                shape -> dataRead(data, shape));
    }

    private void dataRead(ProjectData data, DatasetShape shape) {
        Project project = session.project();
        if (project == null || !data.equals(project.data()) || !data.equals(factsFor)) {
            return; // the data changed again while it was read; a newer read is under way
        }
        if (awaitingData) {
            awaitingData = false;
            startFromTemplate(project, shape);
        }
        if (!shape.readable()) {
            model.setDataset(null);
            showNote("The network is not checked against the data: " + shape.problem());
            return;
        }
        model.setDataset(shape.facts());
        Optional<String> mismatch = FitToDataset.kindMismatch(model.network(), shape.facts());
        if (mismatch.isPresent()) {
            showNote(mismatch.get());
            return;
        }
        FitToDataset.of(model.network(), shape.facts()).ifPresent(fit -> {
            model.execute(fit);
            showNote(fit.summary());
        });
    }

    /** A project without a network shows the template for its data; the project keeps "no network" until edited. */
    private void startFromTemplate(Project project, DatasetShape shape) {
        NetworkDescription network = shape.readable() ? ModelTraining.defaultNetwork(shape.preprocessing())
                : Template.MLP_CLASSIFIER.example();
        DesignState state = stateOf(network, project.layout(), project.blocks());
        baseline = new Baseline(state, null, project.layout(), project.blocks());
        show(state);
        if (shape.readable()) {
            showNote("The project has no network yet, so this is the " + network.name() + " template sized to "
                    + "its data (" + shape.facts().sampleShape().describe() + " in, " + shape.facts().describeTarget()
                    + " out). Edit it, or open another one under Templates.");
        }
    }

    private void show(DesignState state) {
        if (model == null) {
            model = new DesignerModel(state);
            model.useBlockLibrary(blocks);
            pane = new DesignerPane(model);
            model.addListener(change -> {
                if (change == DesignerModel.Change.CONTENT) {
                    designChanged();
                }
            });
        } else {
            model.replace(state);
            pane.zoomToFit();
        }
        setCenter(pane);
    }

    /** Puts the designer's network and positions into the project (an edit, so the project becomes unsaved). */
    private void designChanged() {
        Project current = session.project();
        if (current == null || baseline == null) {
            return;
        }
        Project next = withDesign(current);
        if (!next.equals(current)) {
            pushed = next;
            session.edit(project -> next);
        }
    }

    /** {@code project} holding what the designer shows; as loaded when the designer is back where it started. */
    private Project withDesign(Project project) {
        DesignState state = model.state();
        if (state.equals(baseline.state())) {
            return project.withNetwork(baseline.network()).withLayout(baseline.layout()).withBlocks(baseline.blocks());
        }
        return project.withNetwork(state.network()).withLayout(layoutOf(state)).withBlocks(blocksOf(state.groups()));
    }

    /**
     * The network laid out top to bottom, then moved where the project's layout puts its nodes, with the project's
     * blocks folded again (a block naming a node the network no longer has is dropped).
     */
    static DesignState stateOf(NetworkDescription network, Map<String, NodePosition> layout, List<NodeBlock> blocks) {
        DesignState laidOut = DesignState.laidOut(network);
        List<NodeLayout> stored = layout.entrySet().stream()
                .filter(entry -> laidOut.hasNode(entry.getKey()))
                .map(entry -> new NodeLayout(entry.getKey(), entry.getValue().x(), entry.getValue().y()))
                .toList();
        List<NodeGroup> groups = blocks.stream()
                .filter(block -> block.members().stream().allMatch(laidOut::hasNode))
                .map(DesignView::groupOf)
                .toList();
        DesignState positioned = laidOut.withPositions(stored);
        try {
            return groups.isEmpty() ? positioned : positioned.withGroups(groups);
        } catch (IllegalArgumentException e) {
            return positioned; // blocks that overlap in a way the designer refuses: show the nodes unfolded
        }
    }

    static DesignState stateOf(NetworkDescription network, Map<String, NodePosition> layout) {
        return stateOf(network, layout, List.of());
    }

    private static NodeGroup groupOf(NodeBlock block) {
        return new NodeGroup(block.name(), block.members(), block.inner().stream().map(DesignView::groupOf).toList());
    }

    /** The designer's blocks as the project stores them. */
    static List<NodeBlock> blocksOf(List<NodeGroup> groups) {
        return groups.stream()
                .map(group -> new NodeBlock(group.name(), group.members(), blocksOf(group.inner())))
                .toList();
    }

    /** The positions of the network's nodes, in node order. */
    static Map<String, NodePosition> layoutOf(DesignState state) {
        Map<String, NodePosition> layout = new LinkedHashMap<>();
        for (String name : state.nodeNames()) {
            NodeLayout position = state.positionOf(name);
            layout.put(name, new NodePosition(position.x(), position.y()));
        }
        return layout;
    }

    private void waitFor(String message) {
        placeholder.setText(message);
        setCenter(waiting);
        hideNote();
    }

    private void showNote(String text) {
        note.setText(text);
        note.setVisible(true);
        setTop(note);
    }

    private void hideNote() {
        note.setVisible(false);
        setTop(null);
    }
}
