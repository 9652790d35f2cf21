package io.neuralworkbench.app.serve;

/** A request the server refuses: the HTTP status, the request field at fault (or null) and what to do. */
final class ApiError extends RuntimeException {
    private final int status;
    private final String field;

    ApiError(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
