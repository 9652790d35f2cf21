package io.neuralworkbench.designer.model;

import io.neuralworkbench.engine.network.Diagnostic;

import java.util.Optional;

/** A diagnostic as the problems list shows it, with the one-click fix when there is one. */
public record Problem(Diagnostic diagnostic, QuickFix fix) {
    public Optional<QuickFix> quickFix() {
        return Optional.ofNullable(fix);
    }

    /** Message and hint in one line, e.g. for a tooltip on the canvas. */
    public String text() {
        Diagnostic d = diagnostic;
        return d.message() + (d.hint() == null ? "" : " — " + d.hint());
    }
}
