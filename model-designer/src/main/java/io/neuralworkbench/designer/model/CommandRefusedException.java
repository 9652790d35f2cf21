package io.neuralworkbench.designer.model;

/** A command that cannot be applied to the current network; the message says why, for the user. */
public class CommandRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandRefusedException(String reason) {
        super(reason);
    }
}
