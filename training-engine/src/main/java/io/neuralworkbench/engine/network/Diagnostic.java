package io.neuralworkbench.engine.network;

import java.util.Objects;

/**
 * A problem found in a network, in words a student understands.
 *
 * @param node    the node it concerns, or null for a problem of the whole network
 * @param message what is wrong, naming the nodes and shapes involved
 * @param hint    how to fix it, or null when there is no single obvious fix
 */
public record Diagnostic(Severity severity, String node, String message, String hint) {

    public enum Severity {
        /** The network cannot be built or trained as it is. */
        ERROR,
        /** The network trains, but probably not the way the user wants. */
        WARNING
    }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(String node, String message, String hint) {
        return new Diagnostic(Severity.ERROR, node, message, hint);
    }

    public static Diagnostic warning(String node, String message, String hint) {
        return new Diagnostic(Severity.WARNING, node, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + (node == null ? "" : " [" + node + "]") + ": " + message + (hint == null ? "" : " (" + hint + ")");
    }
}
