package io.neuralworkbench.app.gui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.BackgroundTask;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.engine.data.ColumnProfile;
import io.neuralworkbench.engine.data.ColumnProfiler;
import io.neuralworkbench.engine.data.ColumnType;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.SplitFractions;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectData;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The data view's state and actions, without any Node: opens a CSV/TSV in the background (a quick preview of
 * the first rows first, then the whole file's statistics), and writes the user's choices (target, column types,
 * split, seed) into the project's {@link PreprocessingSpec}. Called on the JavaFX thread.
 */
public final class DataViewModel {
    /** How much of a file the preview reads: enough for hundreds of rows, quick even for a file of 50 MB. */
    static final int PREVIEW_BYTES = 256 * 1024;
    /** Rows the preview table shows at most. */
    public static final int PREVIEW_ROWS = 200;

    private final ProjectSession session;
    private final TaskCenter tasks;
    private final ReadOnlyObjectWrapper<TableSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private BackgroundTask<TableSnapshot> loading;
    private Path loadingFile;

    public DataViewModel(ProjectSession session, TaskCenter tasks) {
        this.session = Objects.requireNonNull(session, "session");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        // Opening a project shows its data.
        session.projectProperty().addListener((o, old, now) -> {
            if (now != null && !now.dataFile().equals(loadingFile)) {
                load(now.dataFile(), now.data().spec().typeOverrides());
            }
        });
    }

    /** The table shown, or null before one is read. */
    public ReadOnlyObjectProperty<TableSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public TableSnapshot snapshot() {
        return snapshot.get();
    }

    /** The task reading the current file, or null. */
    public BackgroundTask<TableSnapshot> loadingTask() {
        return loading;
    }

    /**
     * Makes {@code file} the project's data and reads it. A new project is started when none is open; the last
     * column is the target until the user chooses another.
     */
    public BackgroundTask<TableSnapshot> open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Project project = session.project();
        if (project != null && project.dataFile().equals(absolute)) {
            return load(absolute, project.data().spec().typeOverrides());
        }
        // The target is chosen once the header is known; until then the spec names a placeholder.
        BackgroundTask<TableSnapshot> task = load(absolute, Map.of());
        task.valueProperty().addListener((o, old, first) -> {
            if (first != null && old == null) {
                adoptAsProjectData(first);
            }
        });
        return task;
    }

    private void adoptAsProjectData(TableSnapshot first) {
        List<String> columns = first.preview().columnNames();
        String target = columns.get(columns.size() - 1);
        Project current = session.project();
        if (current == null) {
            session.newProject(Project.newFor(first.file(), target));
        } else {
            session.edit(p -> p.withData(new ProjectData(first.file(), PreprocessingSpec.forTarget(target))));
        }
    }

    private BackgroundTask<TableSnapshot> load(Path file, Map<String, ColumnType> typeOverrides) {
        if (loading != null && !TaskCenter.isDone(loading)) {
            loading.cancel();
        }
        BackgroundTask<TableSnapshot> task = tasks.submit("Opening " + file.getFileName(), progress -> {
            progress.progress(0, 3);
            progress.message("Reading the first rows");
            RawTable preview = CsvImporter.readHead(file, PREVIEW_BYTES);
            progress.partial(new TableSnapshot(file, preview, null, profile(preview, typeOverrides), false));
            progress.progress(1, 3);
            progress.message("Reading the whole file");
            RawTable table = CsvImporter.read(file, preview.format());
            checkCancelled(progress);
            progress.progress(2, 3);
            progress.message("Profiling " + table.rowCount() + " rows");
            List<ColumnProfile> profiles = profile(table, typeOverrides);
            progress.progress(3, 3);
            return new TableSnapshot(file, preview, table, profiles, true);
        }, loaded -> { });
        task.valueProperty().addListener((o, old, now) -> {
            if (now != null && loading == task) {
                snapshot.set(now);
            }
        });
        loading = task;
        loadingFile = file;
        return task;
    }

    /** Overrides applying to columns this table lacks (a spec from another file) are left out. */
    private static List<ColumnProfile> profile(RawTable table, Map<String, ColumnType> typeOverrides) {
        Map<String, ColumnType> applicable = new java.util.TreeMap<>(typeOverrides);
        applicable.keySet().retainAll(table.columnNames());
        return ColumnProfiler.profile(table, applicable);
    }

    private static void checkCancelled(BackgroundTask.Progress<?> progress) {
        if (progress.isCancelled()) {
            throw new java.util.concurrent.CancellationException("cancelled");
        }
    }

    /** The column the model learns to predict. */
    public void chooseTarget(String column) {
        requireColumn(column);
        session.edit(p -> p.withSpec(withTarget(p.data().spec(), column)));
    }

    /** Classification or regression; null lets the engine choose from the target column. */
    public void chooseTask(TaskType task) {
        session.edit(p -> p.withSpec(p.data().spec().withTask(task)));
    }

    /**
     * Treats a column as {@code type} instead of the inferred type, profiling it again.
     *
     * @throws io.neuralworkbench.engine.UserInputException when a value does not fit the type (the override
     *                                                      is then not taken)
     */
    public void overrideType(String column, ColumnType type) {
        TableSnapshot shown = requireColumn(column);
        RawTable table = shown.table() != null ? shown.table() : shown.preview();
        Map<String, ColumnType> overrides = new java.util.TreeMap<>(session.project().data().spec().typeOverrides());
        overrides.put(column, type);
        List<ColumnProfile> profiles = profile(table, overrides);
        session.edit(p -> p.withSpec(p.data().spec().withColumnType(column, type)));
        snapshot.set(new TableSnapshot(shown.file(), shown.preview(), shown.table(), profiles, shown.complete()));
    }

    /** @throws io.neuralworkbench.engine.UserInputException when the fractions do not add up to 1 */
    public void chooseSplit(double train, double validation, double test, long seed) {
        SplitFractions split = new SplitFractions(train, validation, test);
        session.edit(p -> p.withSpec(p.data().spec().withSplit(split, seed)));
    }

    /** The target column's values and how often each occurs (the most frequent ones), for a classification. */
    public List<ColumnProfile.ValueCount> classBalance() {
        TableSnapshot shown = snapshot.get();
        Project project = session.project();
        if (shown == null || project == null) {
            return List.of();
        }
        ColumnProfile target = shown.profileOf(project.data().spec().targetColumn());
        return target == null ? List.of() : target.mostFrequent();
    }

    private TableSnapshot requireColumn(String column) {
        TableSnapshot shown = snapshot.get();
        if (shown == null || !shown.preview().hasColumn(column)) {
            throw new IllegalArgumentException("no column " + column + " in the table shown");
        }
        return shown;
    }

    static PreprocessingSpec withTarget(PreprocessingSpec spec, String target) {
        return new PreprocessingSpec(target, spec.task(), spec.droppedColumns().stream()
                .filter(c -> !c.equals(target)).toList(), spec.typeOverrides(), spec.missingValues(),
                spec.missingValueOverrides(), spec.scaling(), spec.split(), spec.seed());
    }
}
