package io.neuralworkbench.app.gui.export;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.BackgroundTask;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.bundle.Provenance;
import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.export.BundleContents;
import io.neuralworkbench.engine.export.ExportFormat;
import io.neuralworkbench.engine.export.JavaExample;
import io.neuralworkbench.engine.export.ModelExport;
import io.neuralworkbench.engine.export.ParityCheck;
import io.neuralworkbench.engine.export.ParitySample;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.Run;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The Export view's state and actions, without any JavaFX node: the bundle opened (a file, or the latest run's),
 * its entries and metrics, the name exports take, and the exports themselves, each a background task. Methods
 * are called on the JavaFX thread; the loaded bundle is only used by one task at a time ({@link #busyProperty}).
 */
public final class ExportViewModel implements AutoCloseable {
    private final ProjectSession session;
    private final TaskCenter tasks;
    private final ReadOnlyObjectWrapper<Path> bundleFile = new ReadOnlyObjectWrapper<>(this, "bundleFile");
    private final ObservableList<BundleContents.Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper snippet = new ReadOnlyStringWrapper(this, "snippet", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Path> lastCard = new ReadOnlyObjectWrapper<>(this, "lastCard");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final StringProperty exportName = new SimpleStringProperty(this, "exportName", "");
    private ModelBundle bundle;

    /** What a background read of a bundle hands to the JavaFX thread. */
    private record Loaded(Path file, ModelBundle bundle, List<BundleContents.Entry> entries, String details,
                          String snippet) {
    }

    public ExportViewModel(ProjectSession session, TaskCenter tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    public ReadOnlyObjectProperty<Path> bundleFileProperty() {
        return bundleFile.getReadOnlyProperty();
    }

    public ObservableList<BundleContents.Entry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    /** The test metrics and how the model was made, a few lines. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Java lines that load the bundle and predict, to copy. */
    public ReadOnlyStringProperty snippetProperty() {
        return snippet.getReadOnlyProperty();
    }

    /** What the last export did, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The model card written last, to open in a browser; null before the first. */
    public ReadOnlyObjectProperty<Path> lastCardProperty() {
        return lastCard.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What exported files are named after; starts as the bundle's file name. */
    public StringProperty exportNameProperty() {
        return exportName;
    }

    /** The bundle of the project's most recent run that wrote one and still exists, or null. */
    public Path latestRunBundle() {
        Project project = session.project();
        if (project == null) {
            return null;
        }
        List<Run> runs = project.runs();
        for (int i = runs.size() - 1; i >= 0; i--) {
            Path file = runs.get(i).bundle();
            if (file != null && Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    /** Reads a bundle in the background and shows it; a file that is no bundle fails with the reason. */
    public void open(Path file) {
        this.<Loaded>start("Opening " + file.getFileName(), progress -> {
            progress.message("Reading the bundle");
            List<BundleContents.Entry> contents = BundleContents.entries(file);
            ModelBundle read = ModelBundle.read(file);
            return new Loaded(file, read, contents, describe(read),
                    JavaExample.snippet(file.getFileName().toString(), read.preprocessing()));
        }, loaded -> {
            closeBundle();
            bundle = loaded.bundle();
            bundleFile.set(loaded.file());
            entries.setAll(loaded.entries());
            details.set(loaded.details());
            snippet.set(loaded.snippet());
            exportName.set(nameOf(loaded.file()));
            lastCard.set(null);
            status.set("");
        });
    }

    /** Saves the opened bundle under a chosen file name, checked by reading it back. */
    public void saveBundle(Path file) {
        ModelBundle current = requireBundle();
        Project project = session.project();
        this.<ParityCheck.Result>start("Saving " + file.getFileName(), progress -> {
            progress.message("Writing and checking the bundle");
            return ModelExport.saveBundle(current, file, paritySample(current, project));
        }, parity -> status.set("Saved " + file + ". " + parity.summary()));
    }

    /** Writes the model card, one HTML file. */
    public void writeCard(Path file) {
        ModelBundle current = requireBundle();
        Project project = session.project();
        String name = currentName();
        this.<ParityCheck.Result>start("Writing the model card", progress -> {
            progress.message("Checking the model and writing " + file.getFileName());
            return ModelExport.saveCard(current, name, file, paritySample(current, project));
        }, parity -> {
            lastCard.set(file);
            status.set("Wrote the model card " + file + ". " + parity.summary());
        });
    }

    /**
     * Writes the Java example project into {@code folder} when it is new or empty, else into a new folder in it
     * named after the export.
     */
    public void writeJavaExample(Path folder) {
        ModelBundle current = requireBundle();
        Project project = session.project();
        String name = currentName();
        this.<ModelExport.Result>start("Writing the Java example", progress -> {
            Path target = isEmptyOrMissing(folder) ? folder : folder.resolve(ModelExport.fileName(name) + "-java");
            return ModelExport.export(current, name, ExportFormat.JAVA, target, paritySample(current, project),
                    progress::message);
        }, result -> status.set("Wrote the Java example project to " + result.folder() + " (" + result.files().size()
                + " files; see its README.md). " + result.parity().summary()));
    }

    /**
     * Writes the model as an ONNX file and its fitted preprocessing as JSON beside it, after the same check as
     * every export; a network ONNX cannot express fails with the layer named, before anything is written.
     */
    public void writeOnnx(Path file) {
        ModelBundle current = requireBundle();
        Project project = session.project();
        this.<ModelExport.OnnxResult>start("Writing the ONNX model", progress -> {
            progress.message("Checking the model and writing " + file.getFileName());
            return ModelExport.saveOnnx(current, file, paritySample(current, project));
        }, result -> status.set("Wrote the ONNX model " + result.files().model() + " and its preprocessing "
                + result.files().preprocessing().getFileName() + ". " + result.parity().summary()));
    }

    private <T> void start(String title, BackgroundTask.Work<T> work, java.util.function.Consumer<T> onSuccess) {
        busy.set(true);
        BackgroundTask<T> task = tasks.submit(title, work, onSuccess);
        task.stateProperty().addListener((o, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                busy.set(false);
            }
            if (state == Worker.State.FAILED) {
                Throwable problem = task.getException();
                status.set(title + " failed: " + (problem.getMessage() != null ? problem.getMessage() : problem));
            }
        });
    }

    private ModelBundle requireBundle() {
        if (bundle == null) {
            throw new IllegalStateException("no bundle is open");
        }
        return bundle;
    }

    private String currentName() {
        String name = exportName.get();
        return name == null || name.isBlank() ? nameOf(bundleFile.get()) : name.strip();
    }

    /**
     * The check's inputs: the project's data rows when the bundle was trained on the project's table (its test
     * split is among them), else generated inputs. Reads the data file: call it in the background.
     */
    private static ParitySample paritySample(ModelBundle current, Project project) {
        Provenance provenance = current.provenance();
        if (project != null && provenance != null && project.data().kind() == DataKind.TABLE
                && project.dataFile().getFileName().toString().equals(provenance.datasetFile())
                && Files.isRegularFile(project.dataFile())) {
            try {
                return ParitySample.forBundle(current, project.dataFile());
            } catch (UserInputException e) {
                // The file changed since training; generated inputs still check the model file.
            }
        }
        return ParitySample.forBundle(current, null);
    }

    private static String describe(ModelBundle bundle) {
        StringBuilder text = new StringBuilder();
        if (bundle.testMetrics() != null) {
            text.append("Test metrics: ").append(bundle.testMetrics().summary()).append('\n');
        } else {
            text.append("No test metrics in this bundle.\n");
        }
        Provenance provenance = bundle.provenance();
        if (provenance != null) {
            text.append(String.format(Locale.ROOT, "Trained on %s (%d training rows, %d epochs, seed %d) with %s,"
                            + " %s.%n", provenance.datasetFile(), provenance.trainingRows(), provenance.epochsTrained(),
                    provenance.seed(), provenance.backendId(), provenance.createdAt()));
        }
        text.append("Network \"").append(bundle.network().name()).append("\", ").append(bundle.network().nodes().size())
                .append(" layers; predicts ").append(bundle.preprocessing().targetName()).append('.');
        return text.toString();
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.toLowerCase(Locale.ROOT).endsWith(".zip") ? fileName.substring(0, fileName.length() - 4)
                : fileName;
    }

    private static boolean isEmptyOrMissing(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return true;
        }
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }

    private void closeBundle() {
        if (bundle != null) {
            bundle.close();
            bundle = null;
        }
    }

    @Override
    public void close() {
        closeBundle();
    }
}
