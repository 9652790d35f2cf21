package io.neuralworkbench.engine;

/**
 * A problem with what the user gave us (a file, a column name, a network, an option), as opposed to a bug.
 * The message is written for the user: what is wrong, where, and what to do. Front ends show it as it is,
 * without a stack trace.
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
