package io.neuralworkbench.designer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.designer.commands.AddNode;
import io.neuralworkbench.designer.commands.Align;
import io.neuralworkbench.designer.commands.AutoLayout;
import io.neuralworkbench.designer.commands.Connect;
import io.neuralworkbench.designer.commands.Disconnect;
import io.neuralworkbench.designer.commands.DuplicateNodes;
import io.neuralworkbench.designer.commands.EditHyperparameter;
import io.neuralworkbench.designer.commands.InsertBetween;
import io.neuralworkbench.designer.commands.InsertBlock;
import io.neuralworkbench.designer.commands.MoveNodes;
import io.neuralworkbench.designer.commands.RemoveNodes;
import io.neuralworkbench.designer.commands.RenameNode;
import io.neuralworkbench.designer.commands.ReplaceNetwork;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.Layer;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.Templates;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Each command changes what it should, and undo brings back exactly the state before it (redo the one after). */
class DesignerCommandsTest {

    private final DesignerModel model = DesignerModel.of(Templates.mlpClassifier(4, 3));

    /** Runs the command, checks undo restores the old state and redo the new one; leaves the command applied. */
    private DesignState executeAndCheckUndo(DesignerCommand command) {
        return UndoCheck.executeAndCheckUndo(model, command);
    }

    @Test
    void addNodePlacesANumberedNodeOnTheGridAndSelectsIt() {
        DesignState after = executeAndCheckUndo(AddNode.ofKind(LayerCatalog.DENSE, 103, 207));

        assertThat(after.hasNode("dense3")).isTrue(); // dense1 and dense2 are taken
        assertThat(after.positionOf("dense3")).isEqualTo(new NodeLayout("dense3", 100, 200));
        assertThat(model.selection()).containsExactly("dense3");
        assertThat(model.undoDescription()).contains("add dense3");
    }

    @Test
    void removeNodesTakesTheirWiresAlong() {
        DesignState after = executeAndCheckUndo(new RemoveNodes(List.of("dense1")));

        assertThat(after.hasNode("dense1")).isFalse();
        assertThat(after.network().edges()).containsExactly(new Edge("dense2", "output"));
        assertThat(after.positions()).doesNotContainKey("dense1");
    }

    @Test
    void connectAndDisconnectAWire() {
        executeAndCheckUndo(new Disconnect("dense1", "dense2"));
        assertThat(model.network().inputsOf("dense2")).isEmpty();
        assertThatThrownBy(() -> model.execute(new Disconnect("dense1", "dense2")))
                .hasMessage("There is no wire from dense1 to dense2.");
        assertThat(model.analysis().node("dense2").outputShape()).isNull();

        DesignState after = executeAndCheckUndo(new Connect("dense1", "dense2"));
        assertThat(after.network().inputsOf("dense2")).containsExactly("dense1");
        assertThat(model.analysis().node("dense2").parameters()).isEqualTo(64L * 32 + 32);
    }

    @Test
    void connectRefusesWiresThatCannotWorkAndSaysWhy() {
        NetworkDescription cnn = NetworkDescription.builder("cnn")
                .then("input", Layer.Input.image(28, 28, 1))
                .then("conv", Layer.Convolution2D.of(8, 3))
                .build()
                .withNode(new io.neuralworkbench.engine.network.Node("dense", Layer.Dense.of(10)));
        DesignerModel cnnModel = DesignerModel.of(cnn);
        DesignState before = cnnModel.state();

        assertThatThrownBy(() -> cnnModel.execute(new Connect("conv", "dense")))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("dense expects a flat vector but gets an image 26×26×8")
                .hasMessageContaining("insert a flatten layer");
        assertThat(cnnModel.state()).isEqualTo(before);
        assertThat(cnnModel.canUndo()).isFalse();

        assertThat(cnnModel.connectionProblem("conv", "input")).get().asString().contains("input node");
        assertThat(cnnModel.connectionProblem("conv", "conv")).get().asString().contains("cannot feed itself");
        assertThat(cnnModel.connectionProblem("conv", "input")).isPresent();
        assertThat(model.connectionProblem("output", "dense1")).get().asString().contains("output node");
        assertThat(model.connectionProblem("input", "dense2")).get().asString().contains("already gets dense1");
        assertThat(model.connectionProblem("dense2", "dense1")).get().asString().contains("already gets input");
    }

    @Test
    void connectRefusesALoop() {
        model.execute(new AddNode(new Layer.Add(), 0, 0));
        model.execute(new Connect("dense1", "add1"));
        model.execute(new Disconnect("input", "dense1"));
        assertThat(model.connectionProblem("add1", "dense1")).get().asString().contains("loop");
    }

    @Test
    void moveNodesSnapsToTheGridAndKeepsTheValidation() {
        NetworkAnalysis before = model.analysis();
        DesignState after = executeAndCheckUndo(MoveNodes.by(model.state(), List.of("dense1", "dense2"), 33, 9));

        NodeLayout dense1Before = DesignState.laidOut(Templates.mlpClassifier(4, 3)).positionOf("dense1");
        assertThat(after.positionOf("dense1"))
                .isEqualTo(new NodeLayout("dense1", dense1Before.x() + 33, dense1Before.y() + 9).snapToGrid(20));
        assertThat(model.undoDescription()).contains("move 2 nodes");
        assertThat(model.analysis()).as("only positions changed: no re-validation").isSameAs(before);
    }

    @Test
    void editHyperparameterChangesTheLayerAndRefusesValuesOutOfRange() {
        DesignState after = executeAndCheckUndo(new EditHyperparameter("dense1", "units", 128));

        assertThat(after.node("dense1").layer()).isEqualTo(Layer.Dense.of(128));
        assertThat(model.analysis().node("dense1").parameters()).isEqualTo(4L * 128 + 128);
        assertThatThrownBy(() -> model.execute(new EditHyperparameter("dense1", "units", 0)))
                .isInstanceOf(CommandRefusedException.class).hasMessage("units must be from 1 to 100000, not 0.");
        assertThat(model.state()).isEqualTo(after);
    }

    @Test
    void renameKeepsWiresAndPosition() {
        NodeLayout oldPosition = model.state().positionOf("dense1");
        DesignState after = executeAndCheckUndo(new RenameNode("dense1", "hidden"));

        assertThat(after.network().inputsOf("dense2")).containsExactly("hidden");
        assertThat(after.positionOf("hidden").x()).isEqualTo(oldPosition.x());
        assertThatThrownBy(() -> model.execute(new RenameNode("hidden", "dense2")))
                .hasMessageContaining("already a node named dense2");
    }

    @Test
    void duplicateCopiesNodesAndTheWiresBetweenThem() {
        DesignState after = executeAndCheckUndo(new DuplicateNodes(List.of("dense1", "dense2")));

        assertThat(after.network().nodes()).hasSize(6);
        assertThat(after.network().edges()).contains(new Edge("dense3", "dense4"));
        assertThat(after.network().inputsOf("dense3")).isEmpty(); // the wire from input stays behind
        assertThat(after.positionOf("dense3").x()).isEqualTo(model.state().positionOf("dense1").x() + 40);
        assertThat(model.selection()).containsExactlyInAnyOrder("dense3", "dense4");
    }

    @Test
    void copyAndPasteGoThroughNetworkJson() {
        model.select(List.of("dense1", "dense2"));
        String clipboard = model.copySelection();
        assertThat(clipboard).contains("\"formatVersion\": 1").contains("\"dense1\"");

        DesignerModel otherProject = DesignerModel.of(Templates.lenet(28, 28, 1, 10));
        DesignState before = otherProject.state();
        otherProject.paste(clipboard, 600, 40);

        assertThat(otherProject.network().edges()).contains(new Edge("dense1", "dense2"));
        assertThat(otherProject.network().node("dense1").orElseThrow().layer()).isEqualTo(Layer.Dense.of(64));
        assertThat(otherProject.network().node("dense3")).isEmpty(); // LeNet's "dense" does not clash
        assertThat(otherProject.state().positionOf("dense1")).isEqualTo(new NodeLayout("dense1", 600, 40));
        DesignState pasted = otherProject.state();
        assertThat(otherProject.selection()).containsExactlyInAnyOrder("dense1", "dense2");
        otherProject.undo();
        assertThat(otherProject.state()).isEqualTo(before);
        otherProject.redo();
        assertThat(otherProject.state()).isEqualTo(pasted);
        assertThat(otherProject.selection()).containsExactlyInAnyOrder("dense1", "dense2");
        assertThatThrownBy(() -> otherProject.paste("not json", 0, 0))
                .hasMessageStartingWith("The clipboard does not hold network nodes");
    }

    @Test
    void alignLinesNodesUp() {
        model.execute(new MoveNodes(List.of(new NodeLayout("dense1", 100, 200), new NodeLayout("dense2", 300, 400)),
                true));
        DesignState after = executeAndCheckUndo(new Align(List.of("dense1", "dense2"), Align.Edge.LEFT));
        assertThat(after.positionOf("dense2")).isEqualTo(new NodeLayout("dense2", 100, 400));

        model.execute(new Align(List.of("dense1", "dense2"), Align.Edge.MIDDLE));
        assertThat(model.state().positionOf("dense1").y()).isEqualTo(300);
        assertThatThrownBy(() -> model.execute(new Align(List.of("dense1"), Align.Edge.TOP)))
                .hasMessageContaining("two or more");
    }

    @Test
    void autoLayoutPutsEachNodeBelowItsInputs() {
        model.execute(new MoveNodes(List.of(new NodeLayout("output", 0, 0)), true));
        DesignState after = executeAndCheckUndo(new AutoLayout());

        double inputY = after.positionOf("input").y();
        assertThat(after.positionOf("dense1").y()).isEqualTo(inputY + CardGeometry.ROW_SPACING);
        assertThat(after.positionOf("output").y()).isEqualTo(inputY + 3 * CardGeometry.ROW_SPACING);
    }

    @Test
    void insertTemplateAsABlockRenamesClashingNodes() {
        DesignState after = executeAndCheckUndo(
                InsertBlock.laidOut(Templates.lenet(28, 28, 1, 10), 800, 40, "insert LeNet"));

        assertThat(after.network().nodes()).hasSize(12);
        assertThat(after.network().edges()).contains(new Edge("input1", "conv1"), new Edge("dense", "output1"));
        assertThat(model.selection()).hasSize(8).contains("input1", "output1");
    }

    @Test
    void insertBetweenSplitsAWireAndMovesTheRestDown() {
        double outputY = model.state().positionOf("output").y();
        DesignState after = executeAndCheckUndo(new InsertBetween("dense2", "output", Layer.Dropout.of(0.5)));

        assertThat(after.network().inputsOf("output")).containsExactly("dropout1");
        assertThat(after.network().inputsOf("dropout1")).containsExactly("dense2");
        assertThat(after.positionOf("dropout1").y()).isEqualTo(outputY);
        assertThat(after.positionOf("output").y()).isEqualTo(outputY + CardGeometry.ROW_SPACING);
    }

    @Test
    void undoAndRedoWalkThroughSeveralEdits() {
        DesignState start = model.state();
        model.execute(new EditHyperparameter("dense1", "units", 10));
        model.execute(new EditHyperparameter("dense2", "units", 20));
        model.execute(new RenameNode("output", "prediction"));
        DesignState third = model.state();

        model.undo();
        model.undo();
        model.undo();
        assertThat(model.state()).isEqualTo(start);
        assertThat(model.canUndo()).isFalse();
        model.redo();
        model.redo();
        model.redo();
        assertThat(model.state()).isEqualTo(third);
        assertThat(model.canRedo()).isFalse();

        model.undo();
        model.execute(new EditHyperparameter("dense1", "units", 11));
        assertThat(model.canRedo()).as("a new edit drops what could be redone").isFalse();
    }

    @Test
    void listenersHearContentAndSelectionChanges() {
        List<DesignerModel.Change> heard = new java.util.ArrayList<>();
        model.addListener(heard::add);

        model.select(List.of("dense1"));
        model.toggleSelected("dense2");
        model.execute(new RemoveNodes(model.selection()));

        assertThat(heard).containsExactly(DesignerModel.Change.SELECTION, DesignerModel.Change.SELECTION,
                DesignerModel.Change.CONTENT);
        assertThat(model.selection()).isEmpty();
    }

    @Test
    void replaceNetworkStartsOverFromATemplateAndUndoes() {
        DesignState after = executeAndCheckUndo(new ReplaceNetwork(Templates.lenet(28, 28, 1, 10), "open LeNet"));

        assertThat(after.network()).isEqualTo(Templates.lenet(28, 28, 1, 10));
        assertThat(after.positions()).hasSize(8);
    }

    @Test
    void anEditThatChangesNothingIsNotRecorded() {
        model.execute(new EditHyperparameter("dense1", "units", 64));

        assertThat(model.canUndo()).isFalse();
    }

    @Test
    void cardsShowKindSettingsShapeParametersAndTheFirstProblem() {
        DesignerModel cnn = DesignerModel.of(NetworkDescription.builder("cnn")
                .then("input", Layer.Input.image(28, 28, 1))
                .then("conv", Layer.Convolution2D.of(8, 3))
                .then("dense", Layer.Dense.of(10))
                .build());

        CardText conv = CardText.of(cnn.state().node("conv"), cnn.analysis().node("conv"));
        assertThat(conv).isEqualTo(new CardText("Convolution 2D", "conv", "8 filters 3×3 · relu", "→ [26×26×8]",
                "80 parameters", "", "", false));
        CardText dense = CardText.of(cnn.state().node("dense"), cnn.analysis().node("dense"));
        assertThat(dense.error()).isTrue();
        assertThat(dense.shape()).isEqualTo("→ ?");
        assertThat(dense.problem()).startsWith("dense expects a flat vector but gets an image 26×26×8");
        assertThat(CardText.settings(Layer.Pooling2D.max(2))).isEqualTo("max 2×2 /2");
        assertThat(CardText.settings(Layer.Output.classification(10))).isEqualTo("10 units · softmax · cross-entropy");
    }

    @Test
    void datasetShapesTheInputAndOutputChecks() {
        model.setDataset(new DatasetFacts(new Shape.Flat(8), 5, true));

        assertThat(model.analysis().problems()).extracting(p -> p.diagnostic().message())
                .contains("input receives a flat vector of 4, but the dataset's samples are a flat vector of 8",
                        "output has 3 units, but the dataset has 5 classes");
    }
}
