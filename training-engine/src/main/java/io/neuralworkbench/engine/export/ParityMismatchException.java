package io.neuralworkbench.engine.export;

/**
 * The model read back from a written bundle does not predict what the model in memory predicts: the file would
 * not reproduce the model, so the export stops. Not the user's mistake (a bug, or a disk that corrupts), so it
 * is no {@link io.neuralworkbench.engine.UserInputException}; its message still says what to do.
 */
public final class ParityMismatchException extends RuntimeException {
    public ParityMismatchException(String message) {
        super(message);
    }
}
