package io.neuralworkbench.app.gui.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

import atlantafx.base.theme.PrimerLight;
import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.TaskCenter;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the Evaluate view alone on a bundle and its data, for screenshots and a quick look:
 * {@code EvaluatePreview BUNDLE.zip DATA [ACTUAL PREDICTED]} evaluates, then lists the samples of the
 * confusion-matrix cell (ACTUAL, PREDICTED) — by default the cell with the most mistakes.
 */
public final class EvaluatePreview {
    private EvaluatePreview() {
    }

    /** A plain main class: launching an Application subclass directly needs JavaFX on the module path. */
    public static void main(String[] args) {
        Application.launch(PreviewApp.class, args);
    }

    /** The preview window. */
    public static final class PreviewApp extends Application {
    private TaskCenter tasks;

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        if (args.size() < 2) {
            throw new IllegalArgumentException("usage: EvaluatePreview BUNDLE.zip DATA [ACTUAL PREDICTED]");
        }
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        tasks = new TaskCenter(2);
        tasks.setFailureHandler((title, problem) -> problem.printStackTrace());
        Path untitled = Files.createTempDirectory("evaluate-preview");
        ProjectSession session = new ProjectSession(Preferences.userRoot().node("io/neuralworkbench/evaluate-preview"),
                untitled);
        EvaluateViewModel model = new EvaluateViewModel(session, tasks);
        EvaluateView view = new EvaluateView(model, EvaluateFiles.platform());
        stage.setScene(new Scene(view, 1280, 800));
        // -Devaluate.preview.tab=N shows section N (0 metrics, 1 curves, 2 try it, 3 cross-validation).
        ((javafx.scene.control.TabPane) view.lookup("#evaluateSections")).getSelectionModel()
                .select(Integer.getInteger("evaluate.preview.tab", 0));
        stage.setTitle("Evaluate — Neural Workbench");
        stage.show();

        Path data = Path.of(args.get(1));
        model.modelProperty().addListener((o, old, opened) -> {
            if (opened != null) {
                model.evaluateOn(data);
            }
        });
        model.resultProperty().addListener((o, old, result) -> {
            if (result != null && result.isClassification()) {
                int[] cell = args.size() >= 4 ? new int[] {Integer.parseInt(args.get(2)), Integer.parseInt(args.get(3))}
                        : mostConfused(result);
                model.selectCell(cell[0], cell[1]);
            }
            // -Devaluate.preview.crossValidate=true also starts a cross-validation of the model's settings.
            if (result != null && Boolean.getBoolean("evaluate.preview.crossValidate")) {
                model.startCrossValidation();
            }
        });
        model.openBundle(Path.of(args.get(0)));
    }

    /** The off-diagonal cell with the most samples. */
    static int[] mostConfused(EvaluationResult result) {
        List<List<Integer>> matrix = result.report().classification().confusionMatrix();
        int[] best = {0, 0};
        int most = -1;
        for (int a = 0; a < matrix.size(); a++) {
            for (int p = 0; p < matrix.size(); p++) {
                if (a != p && matrix.get(a).get(p) > most) {
                    most = matrix.get(a).get(p);
                    best = new int[] {a, p};
                }
            }
        }
        return best;
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
    }
}
}
