package io.neuralworkbench.designer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.neuralworkbench.designer.model.UndoCheck.executeAndCheckUndo;

import io.neuralworkbench.designer.commands.ExpandGroup;
import io.neuralworkbench.designer.commands.GroupNodes;
import io.neuralworkbench.designer.commands.InsertBlock;
import io.neuralworkbench.designer.commands.RemoveNodes;
import io.neuralworkbench.designer.commands.RenameNode;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.Templates;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Grouping nodes into a block, expanding it, and using it again; every step undoable. */
class BlocksTest {
    /** input → dense1 → dense2 → output (4 → 64 → 32 → 3). */
    private final DesignerModel model = DesignerModel.of(Templates.mlpClassifier(4, 3));

    @Test
    void groupingFoldsNodesIntoOneCardWhileTheNetworkStaysTheSame() {
        DesignState before = model.state();
        DesignState after = executeAndCheckUndo(model, new GroupNodes(List.of("dense2", "dense1"), "hidden"));

        assertThat(after.network()).isEqualTo(before.network()); // the engine sees no difference
        assertThat(after.groups()).containsExactly(new NodeGroup("hidden", List.of("dense1", "dense2")));
        assertThat(model.undoDescription()).contains("group 2 nodes into hidden");
        assertThat(model.selection()).containsExactlyInAnyOrder("dense1", "dense2");

        CanvasPicture picture = CanvasPicture.of(after);
        assertThat(picture.cards()).extracting(CanvasPicture.Card::key)
                .containsExactly("node:input", "node:output", "block:hidden");
        CanvasPicture.Card block = picture.cardOfNode("dense2").orElseThrow();
        assertThat(block.inputNode()).isEqualTo("dense1");
        assertThat(block.outputNode()).isEqualTo("dense2");
        assertThat(block.x()).isEqualTo(Math.min(after.positionOf("dense1").x(), after.positionOf("dense2").x()));
        assertThat(picture.wires()).extracting(CanvasPicture.Wire::edge) // the wire inside the block is folded away
                .containsExactly(new Edge("input", "dense1"), new Edge("dense2", "output"));

        CardText text = CardText.ofBlock(after.group("hidden").orElseThrow(), after.network(), model.analysis());
        assertThat(text.title()).isEqualTo("Block · 2 nodes");
        assertThat(text.name()).isEqualTo("hidden");
        assertThat(text.shape()).isEqualTo("→ [32]");
        assertThat(text.parameters()).isEqualTo(String.format(java.util.Locale.ROOT, "%,d parameters",
                (4 * 64 + 64) + (64 * 32 + 32)));
    }

    @Test
    void expandingUnfoldsTheNodesWhereTheyWereAndSelectsThem() {
        model.execute(new GroupNodes(List.of("dense1", "dense2"), "hidden"));
        DesignState grouped = model.state();
        model.clearSelection();

        DesignState after = executeAndCheckUndo(model, new ExpandGroup(List.of("hidden")));

        assertThat(after.groups()).isEmpty();
        assertThat(after.positions()).isEqualTo(grouped.positions());
        assertThat(model.selection()).containsExactlyInAnyOrder("dense1", "dense2");
        assertThat(model.undoDescription()).contains("expand hidden");
        assertThat(CanvasPicture.of(after).cards()).hasSize(4);
    }

    @Test
    void autoLayoutGivesABlockOnePlaceAndMovesItsMembersTogether() {
        model.execute(new GroupNodes(List.of("dense1", "dense2"), "hidden"));
        DesignState grouped = model.state();

        DesignState after = executeAndCheckUndo(model, new io.neuralworkbench.designer.commands.AutoLayout());

        CanvasPicture picture = CanvasPicture.of(after);
        double blockTop = picture.cardOfNode("dense1").orElseThrow().y();
        assertThat(blockTop - after.positionOf("input").y()).isEqualTo(CardGeometry.ROW_SPACING);
        assertThat(after.positionOf("output").y() - blockTop).as("no gap for the folded dense2")
                .isEqualTo(CardGeometry.ROW_SPACING);
        assertThat(after.positionOf("dense2").y() - after.positionOf("dense1").y())
                .isEqualTo(grouped.positionOf("dense2").y() - grouped.positionOf("dense1").y());
    }

    @Test
    void duplicatingABlockGivesAnotherBlock() {
        model.execute(new GroupNodes(List.of("dense1", "dense2"), "hidden"));

        DesignState after = executeAndCheckUndo(model,
                new io.neuralworkbench.designer.commands.DuplicateNodes(List.of("dense1", "dense2", "output")));

        assertThat(after.groups()).containsExactly(new NodeGroup("hidden", List.of("dense1", "dense2")),
                new NodeGroup("hidden1", List.of("dense3", "dense4")));
        assertThat(after.groupOf("output1")).isEmpty();
    }

    @Test
    void groupingIsRefusedWithTheReason() {
        assertThatThrownBy(() -> model.execute(new GroupNodes(List.of("dense1"), "one")))
                .hasMessage("Select two or more nodes to group into a block.");
        assertThatThrownBy(() -> model.execute(new GroupNodes(List.of("dense1", "dense2"), " ")))
                .hasMessage("A block needs a name.");
        model.execute(new GroupNodes(List.of("dense1", "dense2"), "hidden"));
        assertThatThrownBy(() -> model.execute(new GroupNodes(List.of("dense2", "output"), "tail")))
                .hasMessage("dense2 is already in block hidden; select all of that block to put it inside a new one,"
                        + " or expand it first (Ctrl+Shift+G).");
        assertThatThrownBy(() -> model.execute(new GroupNodes(List.of("input", "output"), "hidden")))
                .hasMessage("There is already a block named hidden.");
        assertThatThrownBy(() -> model.execute(new ExpandGroup(List.of("nothing"))))
                .hasMessage("There is no block named nothing.");
    }

    @Test
    void deletingAndRenamingMembersKeepTheBlockInStep() {
        model.execute(new GroupNodes(List.of("dense1", "dense2", "output"), "head"));
        model.execute(new RenameNode("dense2", "narrow"));
        assertThat(model.state().group("head").orElseThrow().members()).containsExactly("dense1", "narrow", "output");

        model.execute(new RemoveNodes(List.of("dense1")));
        assertThat(model.state().group("head").orElseThrow().members()).containsExactly("narrow", "output");
        model.execute(new RemoveNodes(List.of("narrow", "output")));
        assertThat(model.state().groups()).isEmpty();
    }

    @Test
    void aSavedBlockIsInsertedAgainFoldedWithFreshNames() {
        model.execute(new GroupNodes(List.of("dense1", "dense2"), "hidden"));
        SavedBlock saved = SavedBlock.of(model.state(), model.state().group("hidden").orElseThrow());
        model.blocks().put(saved);
        assertThat(model.blocks().blocks()).extracting(SavedBlock::name).containsExactly("hidden");
        assertThat(saved.network().edges()).containsExactly(new Edge("dense1", "dense2"));

        DesignState after = executeAndCheckUndo(model, InsertBlock.saved(saved, 600, 40));

        assertThat(after.groups()).extracting(NodeGroup::name).containsExactly("hidden", "hidden1");
        assertThat(after.group("hidden1").orElseThrow().members()).containsExactly("dense3", "dense4");
        assertThat(after.network().edges()).contains(new Edge("dense3", "dense4"));
        assertThat(model.undoDescription()).contains("insert block hidden (2 nodes)");
        // the copy has nothing flowing in yet: its output shape is unknown until it is wired
        assertThat(model.analysis().node("dense4").outputShape()).isNull();
        model.execute(new io.neuralworkbench.designer.commands.Connect("input", "dense3"));
        assertThat(model.analysis().node("dense4").outputShape()).isEqualTo(new Shape.Flat(32));
    }
}
