package io.neuralworkbench.designer.model;

/**
 * One undoable edit of the canvas. Because {@link DesignState} is immutable, a command only computes the next
 * state; {@link UndoHistory} keeps the state before and after, so undo and redo cannot drift from what the
 * command did.
 */
public interface DesignerCommand {

    /**
     * The state after the edit.
     *
     * @throws CommandRefusedException when the edit would be invalid; the message says why
     */
    DesignState applyTo(DesignState state);

    /** What the Edit menu shows after "Undo"/"Redo", e.g. "add dense1"; may depend on the last {@link #applyTo}. */
    String description();

    /** Nodes to select once the command has run (e.g. pasted ones); empty keeps the selection as it is. */
    default java.util.Set<String> nodesToSelect() {
        return java.util.Set.of();
    }
}
