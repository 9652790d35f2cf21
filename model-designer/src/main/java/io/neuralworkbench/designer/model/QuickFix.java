package io.neuralworkbench.designer.model;

import java.util.Objects;

/** A one-click repair offered next to a problem: what it does, and the undoable command that does it. */
public record QuickFix(String label, DesignerCommand command) {
    public QuickFix {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(command, "command");
    }
}
