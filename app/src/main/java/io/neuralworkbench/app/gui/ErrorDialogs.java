package io.neuralworkbench.app.gui;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.neuralworkbench.engine.UserInputException;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Errors as readable dialogs: what went wrong in a sentence, the technical details folded away below it. */
public final class ErrorDialogs {
    private ErrorDialogs() {
    }

    /** The sentence a user reads: the engine's own message for bad input, else the cause chain briefly. */
    public static String summary(Throwable problem) {
        Throwable cause = problem;
        while (cause.getCause() != null && !(cause instanceof UserInputException)) {
            cause = cause.getCause();
        }
        if (cause instanceof UserInputException) {
            return cause.getMessage();
        }
        String message = problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage();
        return "Something went wrong inside the workbench: " + message
                + ". The details below help when reporting it.";
    }

    public static Alert create(Window owner, String whatFailed, Throwable problem) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("Neural Workbench");
        alert.setHeaderText(whatFailed + " did not work");
        alert.setContentText(summary(problem));
        StringWriter trace = new StringWriter();
        problem.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setPrefRowCount(12);
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setId("errorDialog");
        return alert;
    }
}
