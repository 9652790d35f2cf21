package io.neuralworkbench.app.gui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.neuralworkbench.app.session.ProjectSession;
import io.neuralworkbench.app.tasks.BackgroundTask;
import io.neuralworkbench.app.tasks.TaskCenter;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.ColumnProfile;
import io.neuralworkbench.engine.data.ColumnProfiler;
import io.neuralworkbench.engine.data.ColumnType;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.SplitFractions;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.data.image.ImageDatasetSummary;
import io.neuralworkbench.engine.data.image.ImageOptions;
import io.neuralworkbench.engine.data.text.TextOptions;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectData;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The data view's state and actions, without any Node: opens a CSV/TSV in the background (a quick preview of
 * the first rows first, then the whole file's statistics), and writes the user's choices (target, column types,
 * split, seed) into the project's {@link PreprocessingSpec}. A table with one free-text column is taken as
 * labelled texts (examples per class, vocabulary, lengths; {@link TextOptions}); an image folder or IDX files
 * show class counts, thumbnails and the memory summary ({@link ImageOptions}). Called on the JavaFX thread.
 */
public final class DataViewModel {
    /** How much of a file the preview reads: enough for hundreds of rows, quick even for a file of 50 MB. */
    static final int PREVIEW_BYTES = 256 * 1024;
    /** Rows the preview table shows at most. */
    public static final int PREVIEW_ROWS = 200;

    private final ProjectSession session;
    private final TaskCenter tasks;
    private final ReadOnlyObjectWrapper<TableSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<ImageSetSnapshot> imageSet = new ReadOnlyObjectWrapper<>(this, "imageSet");
    private final ReadOnlyObjectWrapper<TextSetSnapshot> textSet = new ReadOnlyObjectWrapper<>(this, "textSet");
    private final ReadOnlyObjectWrapper<DataKind> kind = new ReadOnlyObjectWrapper<>(this, "kind", DataKind.TABLE);
    private BackgroundTask<TableSnapshot> loading;
    private BackgroundTask<ImageSetSnapshot> imageLoading;
    private BackgroundTask<ImageDatasetSummary> summarizing;
    private BackgroundTask<TextSetSnapshot> textReading;
    private Path loadingFile;
    /** The project data the view last followed, to tell which choice changed. */
    private ProjectData followed;

    public DataViewModel(ProjectSession session, TaskCenter tasks) {
        this.session = Objects.requireNonNull(session, "session");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        // Opening a project shows its data; a changed text or image choice is shown again.
        session.projectProperty().addListener((o, old, now) -> follow(now));
    }

    private void follow(Project project) {
        if (project == null) {
            return;
        }
        ProjectData data = project.data();
        ProjectData before = followed;
        followed = data;
        boolean newFile = !data.file().equals(loadingFile);
        if (data.imageOptions() != null) {
            kind.set(DataKind.IMAGE_FOLDER);
            if (newFile || imageSet.get() == null) {
                loadImages(data.file(), data.imageOptions(), project.training().batchSize());
            } else if (before == null || !data.imageOptions().equals(before.imageOptions())) {
                summarize(data.file(), data.imageOptions(), project.training().batchSize());
            }
            return;
        }
        if (newFile) {
            load(data.file(), data.spec().typeOverrides());
        }
        if (data.textColumn() == null) {
            kind.set(DataKind.TABLE);
            return;
        }
        kind.set(DataKind.TEXT_TABLE);
        if (newFile || before == null || !sameTexts(before, data) || textSet.get() == null) {
            readTexts(data);
        }
    }

    private static boolean sameTexts(ProjectData a, ProjectData b) {
        return a.file().equals(b.file()) && Objects.equals(a.textColumn(), b.textColumn())
                && Objects.equals(a.textOptions(), b.textOptions())
                && a.spec().targetColumn().equals(b.spec().targetColumn());
    }

    /** What the view shows: {@link DataKind#TABLE}, {@link DataKind#TEXT_TABLE} or images ({@code IMAGE_FOLDER}). */
    public ReadOnlyObjectProperty<DataKind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /** The image set shown, or null. */
    public ReadOnlyObjectProperty<ImageSetSnapshot> imageSetProperty() {
        return imageSet.getReadOnlyProperty();
    }

    public ImageSetSnapshot imageSet() {
        return imageSet.get();
    }

    /** The labelled texts shown, or null. */
    public ReadOnlyObjectProperty<TextSetSnapshot> textSetProperty() {
        return textSet.getReadOnlyProperty();
    }

    public TextSetSnapshot textSet() {
        return textSet.get();
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

    /**
     * Makes an image folder or MNIST IDX files (their folder or one of them) the project's data, with the default
     * image options, and reads its classes, thumbnails and summary in the background. A new project is started
     * when none is open.
     */
    public BackgroundTask<ImageSetSnapshot> openImages(Path fileOrFolder) {
        Path absolute = fileOrFolder.toAbsolutePath().normalize();
        Project project = session.project();
        if (project != null && project.dataFile().equals(absolute) && project.data().imageOptions() != null) {
            return loadImages(absolute, project.data().imageOptions(), project.training().batchSize());
        }
        ProjectData images = ProjectData.images(absolute, ImageOptions.defaults());
        if (project == null) {
            session.newProject(Project.newFor(absolute, images.spec().targetColumn()).withData(images));
        } else {
            session.edit(p -> p.withData(images));
        }
        return imageLoading;
    }

    /** The table's columns: one free-text column makes it labelled texts, labelled by the last other column. */
    private void adoptAsProjectData(TableSnapshot first) {
        List<String> columns = first.preview().columnNames();
        String target = columns.get(columns.size() - 1);
        List<String> textColumns = first.profiles().stream().filter(p -> p.inferredType() == ColumnType.TEXT)
                .map(ColumnProfile::name).toList();
        ProjectData data;
        if (textColumns.size() == 1 && columns.size() >= 2) {
            String text = textColumns.get(0);
            String label = columns.stream().filter(c -> !c.equals(text)).reduce((a, b) -> b).orElseThrow();
            data = ProjectData.texts(first.file(), text, label, TextOptions.defaults());
        } else {
            data = new ProjectData(first.file(), PreprocessingSpec.forTarget(target));
        }
        Project current = session.project();
        if (current == null) {
            session.newProject(Project.newFor(first.file(), target).withData(data));
        } else {
            session.edit(p -> p.withData(data));
        }
    }

    private BackgroundTask<ImageSetSnapshot> loadImages(Path file, ImageOptions options, int batchSize) {
        cancel(loading);
        cancel(imageLoading);
        cancel(summarizing);
        cancel(textReading);
        imageSet.set(null);
        BackgroundTask<ImageSetSnapshot> task = tasks.submit("Opening " + file.getFileName(), progress -> {
            progress.progress(0, 1);
            progress.message("Looking through the images");
            ImageSetReader reader = ImageSetReader.open(file);
            ImageSetSnapshot shown = reader.firstSnapshot();
            progress.partial(shown);
            int classes = shown.classNames().size();
            for (int c = 0; c < classes; c++) {
                checkCancelled(progress);
                progress.message("Thumbnails of " + shown.classNames().get(c));
                shown = shown.plusThumbnails(reader.thumbnails(c, progress::isCancelled));
                progress.partial(shown);
                progress.progress(c + 1, classes + 1.0);
            }
            progress.message("Splitting and sizing the set");
            return shown.withSummary(ImageSetReader.summarize(file, options, batchSize));
        }, loaded -> { });
        task.valueProperty().addListener((o, old, now) -> {
            if (now != null && imageLoading == task) {
                imageSet.set(now);
            }
        });
        imageLoading = task;
        loadingFile = file;
        return task;
    }

    /** The summary again under changed options; the thumbnails stay. */
    private void summarize(Path file, ImageOptions options, int batchSize) {
        cancel(summarizing);
        BackgroundTask<ImageDatasetSummary> task = tasks.submit("Sizing " + file.getFileName(),
                progress -> ImageSetReader.summarize(file, options, batchSize), summary -> { });
        task.valueProperty().addListener((o, old, now) -> {
            ImageSetSnapshot shown = imageSet.get();
            if (now != null && summarizing == task && shown != null && shown.file().equals(file)) {
                imageSet.set(shown.withSummary(now));
            }
        });
        summarizing = task;
    }

    private void readTexts(ProjectData data) {
        cancel(textReading);
        textSet.set(null);
        String label = data.spec().targetColumn();
        BackgroundTask<TextSetSnapshot> task = tasks.submit("Reading the texts of " + data.file().getFileName(),
                progress -> TextSetReader.read(data.file(), data.textColumn(), label, data.textOptions()),
                read -> { });
        task.valueProperty().addListener((o, old, now) -> {
            if (now != null && textReading == task) {
                textSet.set(now);
            }
        });
        textReading = task;
    }

    /** The task reading the image set, or null. */
    public BackgroundTask<ImageSetSnapshot> imageLoadingTask() {
        return imageLoading;
    }

    private static void cancel(BackgroundTask<?> task) {
        if (task != null && !TaskCenter.isDone(task)) {
            task.cancel();
        }
    }

    private BackgroundTask<TableSnapshot> load(Path file, Map<String, ColumnType> typeOverrides) {
        cancel(loading);
        cancel(imageLoading);
        cancel(summarizing);
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

    /**
     * Treats the table as labelled texts in {@code column}, or as a plain table again when {@code column} is
     * null. The label stays the target unless it is the text column itself; then the last other column labels.
     */
    public void chooseTextColumn(String column) {
        TableSnapshot shown = snapshot.get();
        if (column == null) {
            session.edit(p -> p.withData(new ProjectData(p.dataFile(), p.data().spec())));
            return;
        }
        requireColumn(column);
        List<String> columns = shown.preview().columnNames();
        session.edit(p -> {
            String label = p.data().spec().targetColumn();
            if (label.equals(column) || !columns.contains(label)) {
                label = columns.stream().filter(c -> !c.equals(column)).reduce((a, b) -> b).orElseThrow(() ->
                        new UserInputException("the table has only the column " + column
                                + " — labelled texts need a text column and a label column"));
            }
            TextOptions options = p.data().textOptions() != null ? p.data().textOptions() : TextOptions.defaults();
            return p.withData(ProjectData.texts(p.dataFile(), column, label, options));
        });
    }

    /** How the texts become training data: vocabulary size and minimum frequency, length, encoding, split. */
    public void applyTextOptions(TextOptions options) {
        Objects.requireNonNull(options, "options");
        session.edit(p -> {
            if (p.data().textColumn() == null) {
                throw new IllegalStateException("the project's data is not texts");
            }
            return p.withData(ProjectData.texts(p.dataFile(), p.data().textColumn(), p.data().spec().targetColumn(),
                    options));
        });
    }

    /** Size, colour, scaling, split, augmentation and storage of the project's images. */
    public void applyImageOptions(ImageOptions options) {
        Objects.requireNonNull(options, "options");
        session.edit(p -> {
            if (p.data().imageOptions() == null) {
                throw new IllegalStateException("the project's data is not images");
            }
            return p.withData(ProjectData.images(p.dataFile(), options));
        });
    }

    /**
     * How often each class occurs: the target column's most frequent values for a table, every class of labelled
     * texts or of an image set.
     */
    public List<ColumnProfile.ValueCount> classBalance() {
        if (kind.get() == DataKind.IMAGE_FOLDER) {
            ImageSetSnapshot images = imageSet.get();
            return images == null ? List.of() : valueCounts(images.classNames(), images.classCounts());
        }
        if (kind.get() == DataKind.TEXT_TABLE) {
            TextSetSnapshot texts = textSet.get();
            return texts == null ? List.of() : valueCounts(texts.classNames(), texts.classCounts());
        }
        TableSnapshot shown = snapshot.get();
        Project project = session.project();
        if (shown == null || project == null) {
            return List.of();
        }
        ColumnProfile target = shown.profileOf(project.data().spec().targetColumn());
        return target == null ? List.of() : target.mostFrequent();
    }

    private static List<ColumnProfile.ValueCount> valueCounts(List<String> names, List<Integer> counts) {
        return java.util.stream.IntStream.range(0, names.size())
                .mapToObj(c -> new ColumnProfile.ValueCount(names.get(c), counts.get(c))).toList();
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
