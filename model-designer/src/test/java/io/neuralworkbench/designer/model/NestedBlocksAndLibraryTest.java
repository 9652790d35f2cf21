package io.neuralworkbench.designer.model;

import static io.neuralworkbench.designer.model.UndoCheck.executeAndCheckUndo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralworkbench.designer.commands.DuplicateNodes;
import io.neuralworkbench.designer.commands.ExpandGroup;
import io.neuralworkbench.designer.commands.GroupNodes;
import io.neuralworkbench.designer.commands.InsertBlock;
import io.neuralworkbench.designer.commands.RemoveNodes;
import io.neuralworkbench.designer.commands.RenameNode;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.Edge;
import io.neuralworkbench.engine.network.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Blocks inside blocks, copy/paste of blocks, and "My blocks" kept in a file; every edit undoable. */
class NestedBlocksAndLibraryTest {
    /** input → dense1 → dense2 → output (4 → 64 → 32 → 3). */
    private final DesignerModel model = DesignerModel.of(Templates.mlpClassifier(4, 3));

    @TempDir
    Path dir;

    private static final NodeGroup HIDDEN = new NodeGroup("hidden", List.of("dense1", "dense2"));
    private static final NodeGroup HEAD = new NodeGroup("head", List.of("dense1", "dense2", "output"), List.of(HIDDEN));

    private void nest() {
        model.execute(new GroupNodes(List.of("dense1", "dense2"), "hidden"));
        model.execute(new GroupNodes(List.of("dense1", "dense2", "output"), "head"));
    }

    @Test
    void groupingAWholeBlockWithMoreNodesPutsTheBlockInsideTheNewOne() {
        model.execute(new GroupNodes(List.of("dense1", "dense2"), "hidden"));

        DesignState after = executeAndCheckUndo(model, new GroupNodes(List.of("output", "dense1", "dense2"), "head"));

        assertThat(after.groups()).containsExactly(HEAD);
        assertThat(after.allGroupNames()).containsExactly("head", "hidden");
        assertThat(CanvasPicture.of(after).cards()).extracting(CanvasPicture.Card::key)
                .containsExactly("node:input", "block:head");
        assertThat(after.network()).isEqualTo(Templates.mlpClassifier(4, 3));
    }

    @Test
    void aBlockOfBlocksExpandsOneLevelAtATime() {
        nest();
        model.clearSelection();

        DesignState outerOpen = executeAndCheckUndo(model, new ExpandGroup(List.of("head")));

        assertThat(outerOpen.groups()).containsExactly(HIDDEN); // the inner block stays folded
        assertThat(model.selection()).containsExactlyInAnyOrder("dense1", "dense2", "output");
        assertThat(CanvasPicture.of(outerOpen).cards()).extracting(CanvasPicture.Card::key)
                .containsExactly("node:input", "node:output", "block:hidden");

        DesignState allOpen = executeAndCheckUndo(model, new ExpandGroup(List.of("hidden")));

        assertThat(allOpen.groups()).isEmpty();
        assertThat(CanvasPicture.of(allOpen).cards()).hasSize(4);
    }

    @Test
    void nestingIsRefusedWithTheReason() {
        model.execute(new GroupNodes(List.of("dense1", "dense2"), "hidden"));

        assertThatThrownBy(() -> model.execute(new GroupNodes(List.of("dense2", "output"), "tail")))
                .hasMessage("dense2 is already in block hidden; select all of that block to put it inside a new one,"
                        + " or expand it first (Ctrl+Shift+G).");
        assertThatThrownBy(() -> model.execute(new GroupNodes(List.of("dense1", "dense2"), "again")))
                .hasMessage("These nodes are block hidden already; select more nodes to put it inside a new block.");
        model.execute(new GroupNodes(List.of("dense1", "dense2", "output"), "head"));
        assertThatThrownBy(() -> model.execute(new GroupNodes(List.of("input", "dense1", "dense2", "output"),
                "hidden"))).as("an inner block's name is taken too").hasMessage("There is already a block named hidden.");
        assertThat(GroupNodes.freeName(model.state())).isEqualTo("block1");
    }

    @Test
    void deletingAndRenamingInsideAnInnerBlockKeepBothLevelsInStep() {
        nest();

        model.execute(new RenameNode("dense2", "narrow"));
        assertThat(model.state().groups()).containsExactly(new NodeGroup("head", List.of("dense1", "narrow", "output"),
                List.of(new NodeGroup("hidden", List.of("dense1", "narrow")))));

        model.execute(new RemoveNodes(List.of("dense1", "narrow")));
        assertThat(model.state().groups()).containsExactly(new NodeGroup("head", List.of("output")));
    }

    @Test
    void copiedBlocksPasteAsBlocksIntoAnotherProjectAndTheSameOne() {
        nest();
        model.select(List.of("dense1", "dense2", "output"));
        String clipboard = model.copySelection();
        assertThat(clipboard).contains("\"kind\" : \"neural-workbench-nodes\"").contains("\"formatVersion\"");

        DesignerModel otherProject = DesignerModel.of(Templates.lenet(28, 28, 1, 10));
        DesignState before = otherProject.state();
        otherProject.paste(clipboard, 600, 40);
        DesignState pasted = otherProject.state();

        // LeNet has its own output, so the pasted one is renumbered, in the block too
        assertThat(pasted.groups()).containsExactly(new NodeGroup("head", List.of("dense1", "dense2", "output1"),
                List.of(HIDDEN)));
        assertThat(pasted.network().edges()).contains(new Edge("dense1", "dense2"), new Edge("dense2", "output1"));
        assertThat(otherProject.selection()).containsExactlyInAnyOrder("dense1", "dense2", "output1");
        otherProject.undo();
        assertThat(otherProject.state()).isEqualTo(before);
        otherProject.redo();
        assertThat(otherProject.state()).isEqualTo(pasted);

        DesignState again = executeAndCheckUndo(model, InsertBlock.laidOut(NetworkClipboard.parseCopied(clipboard),
                600, 40, "paste"));
        assertThat(again.groups()).containsExactly(HEAD, new NodeGroup("head1", List.of("dense3", "dense4", "output1"),
                List.of(new NodeGroup("hidden1", List.of("dense3", "dense4")))));
    }

    @Test
    void copyingPartOfABlockCopiesPlainNodes() {
        model.execute(new GroupNodes(List.of("dense1", "dense2"), "hidden"));
        model.select(List.of("dense2", "output"));

        String clipboard = model.copySelection();

        assertThat(clipboard).doesNotContain("neural-workbench-nodes");
        assertThat(NetworkClipboard.parseCopied(clipboard).blocks()).isEmpty();
    }

    @Test
    void aClipboardBlockNamingMissingNodesIsRefused() {
        String network = NetworkClipboard.copy(model.network(), List.of("dense1"));
        String wrapper = "{\"kind\": \"neural-workbench-nodes\", \"network\": " + network
                + ", \"blocks\": [{\"name\": \"b\", \"members\": [\"dense1\", \"ghost\"], \"inner\": []}]}";

        assertThatThrownBy(() -> model.paste(wrapper, 0, 0))
                .hasMessage("The clipboard's block b names nodes the copied network does not have.");
    }

    @Test
    void duplicatingABlockOfBlocksKeepsItsInnerBlock() {
        nest();

        DesignState after = executeAndCheckUndo(model, new DuplicateNodes(List.of("dense1", "dense2", "output")));

        assertThat(after.groups()).containsExactly(HEAD, new NodeGroup("head1", List.of("dense3", "dense4", "output1"),
                List.of(new NodeGroup("hidden1", List.of("dense3", "dense4")))));
    }

    @Test
    void aSavedBlockOfBlocksIsInsertedWithItsInnerBlockFolded() {
        nest();
        SavedBlock saved = SavedBlock.of(model.state(), model.state().group("head").orElseThrow());
        assertThat(saved.inner()).containsExactly(HIDDEN);

        DesignState after = executeAndCheckUndo(model, InsertBlock.saved(saved, 600, 40));

        assertThat(after.groups()).extracting(NodeGroup::name).containsExactly("head", "head1");
        assertThat(after.group("head1").orElseThrow().inner())
                .containsExactly(new NodeGroup("hidden1", List.of("dense3", "dense4")));
        model.execute(new ExpandGroup(List.of("head1")));
        assertThat(model.state().groups()).extracting(NodeGroup::name).containsExactly("head", "hidden1");
    }

    @Test
    void myBlocksAreWrittenToAFileAndReadBackAsTheyWere() throws IOException {
        nest();
        SavedBlock head = SavedBlock.of(model.state(), model.state().group("head").orElseThrow());
        model.execute(new ExpandGroup(List.of("head")));
        SavedBlock hidden = SavedBlock.of(model.state(), model.state().group("hidden").orElseThrow());
        Path file = dir.resolve("settings/my-blocks.json");

        BlockLibraryFile.write(file, List.of(head, hidden));
        List<SavedBlock> read = BlockLibraryFile.read(file);

        assertThat(read).containsExactly(head, hidden);
        assertThat(read.get(0).positions()).isEqualTo(head.positions()).hasSize(3);
        BlockLibrary library = new BlockLibrary();
        AtomicInteger told = new AtomicInteger();
        library.addListener(told::incrementAndGet);
        library.putAll(read);
        assertThat(library.blocks()).extracting(SavedBlock::name).containsExactly("head", "hidden");
        assertThat(told).hasValue(1);
    }

    @Test
    void aMissingLibraryFileIsAnEmptyLibraryAndADamagedOneSaysWhatIsWrong() throws IOException {
        assertThat(BlockLibraryFile.read(dir.resolve("none.json"))).isEmpty();

        Path damaged = Files.writeString(dir.resolve("damaged.json"), "{\"formatVersion\": 1, \"blocks\": [{\"name\":");
        assertThatThrownBy(() -> BlockLibraryFile.read(damaged)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(damaged.toString()).hasMessageContaining("fix or delete the file");
        Path newer = Files.writeString(dir.resolve("newer.json"), "{\"formatVersion\": 9, \"blocks\": []}");
        assertThatThrownBy(() -> BlockLibraryFile.read(newer)).hasMessageContaining("another version");
    }
}
