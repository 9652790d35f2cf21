package io.neuralworkbench.designer.model;

import static org.assertj.core.api.Assertions.assertThat;

/** The check every command test makes: undo restores exactly the state before, redo the one after. */
final class UndoCheck {
    private UndoCheck() {
    }

    /** Runs the command, checks undo and redo; leaves the command applied and returns the state after it. */
    static DesignState executeAndCheckUndo(DesignerModel model, DesignerCommand command) {
        DesignState before = model.state();
        model.execute(command);
        DesignState after = model.state();
        assertThat(after).isNotEqualTo(before);
        assertThat(model.undoDescription()).contains(command.description());
        model.undo();
        assertThat(model.state()).isEqualTo(before);
        model.redo();
        assertThat(model.state()).isEqualTo(after);
        return after;
    }
}
