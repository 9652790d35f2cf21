package io.neuralworkbench.app.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.prefs.Preferences;

import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectFiles;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The project open in the window: which one, from which file, whether it has unsaved changes, and the recently
 * opened projects. State changes happen on the JavaFX thread; the file I/O ({@link #read}, {@link #write},
 * {@link #writeAutosave}) is static so callers run it in a background task and report the outcome back
 * ({@link #opened}, {@link #saved}).
 *
 * <p>Autosave goes to a side file next to the project ({@code iris.nwproj} gets {@code iris.nwproj.autosave}),
 * or into {@code untitledFolder} for a project never saved, so a crash loses at most a minute of work and the
 * project file itself is only ever written when the user saves.
 */
public final class ProjectSession {
    public static final String AUTOSAVE_SUFFIX = ".autosave";
    static final int RECENT_LIMIT = 10;
    private static final String RECENT_KEY = "recentProject.";

    private final Preferences preferences;
    private final Path untitledFolder;
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    /** Counts projects opened, created, restored or closed, so views can tell a new project from an edit. */
    private final ReadOnlyIntegerWrapper generation = new ReadOnlyIntegerWrapper(this, "generation");
    /** The project as last opened or saved: an edit that returns to it (an undo) leaves nothing unsaved. */
    private Project clean;
    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();
    // One view for every caller: a view listens weakly to its list, so one made per call could be collected with
    // the listeners added to it (the recent-projects menu would stop following).
    private final ObservableList<Path> recentProjectsView = FXCollections.unmodifiableObservableList(recentProjects);

    /**
     * @param preferences    where the recent projects are remembered
     * @param untitledFolder where a project without a file is autosaved
     */
    public ProjectSession(Preferences preferences, Path untitledFolder) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.untitledFolder = Objects.requireNonNull(untitledFolder, "untitledFolder");
        recentProjects.setAll(loadRecent());
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** The current project, or null before one is opened. */
    public Project project() {
        return project.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The file the project was opened from or last saved to; null for a new project. */
    public Path file() {
        return file.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /**
     * Changes (before the project does) whenever a project is opened, created, restored or closed, but not on
     * edits: a view that sees the project change with a new generation starts over instead of following an edit.
     */
    public int generation() {
        return generation.get();
    }

    /** Most recent first; files that no longer exist are kept out. */
    public ObservableList<Path> recentProjects() {
        return recentProjectsView;
    }

    /** A new, never saved project. */
    public void newProject(Project newProject) {
        Objects.requireNonNull(newProject, "newProject");
        load(newProject, null, newProject);
    }

    /** No project is open any more (before a new one is created from its data). */
    public void closeProject() {
        load(null, null, null);
    }

    /** A project read from {@code from} (see {@link #read}) becomes the current one. */
    public void opened(Project openedProject, Path from) {
        Objects.requireNonNull(openedProject, "openedProject");
        load(openedProject, from.toAbsolutePath().normalize(), openedProject);
        remember(file.get());
    }

    private void load(Project loaded, Path from, Project cleanState) {
        generation.set(generation.get() + 1);
        clean = cleanState;
        file.set(from);
        dirty.set(false);
        project.set(loaded);
    }

    /** Changes the project (an edit in any view); it is unsaved unless the change undid every edit since saving. */
    public void edit(UnaryOperator<Project> change) {
        Project current = Objects.requireNonNull(project.get(), "no project is open");
        Project changed = Objects.requireNonNull(change.apply(current), "change");
        if (!changed.equals(current)) {
            project.set(changed);
            dirty.set(!changed.equals(clean));
        }
    }

    /**
     * {@code written} was saved to {@code to}. The project stays unsaved if it changed while the save ran in the
     * background, since those changes are not in the file.
     */
    public void saved(Project written, Path to) {
        file.set(to.toAbsolutePath().normalize());
        clean = written;
        dirty.set(!written.equals(project.get()));
        remember(file.get());
    }

    /** Where the current project is autosaved. */
    public Path autosaveFile() {
        Path current = file.get();
        if (current == null) {
            Project open = project.get();
            String name = open == null ? "untitled" : open.name().replaceAll("[^\\w.-]", "_");
            return untitledFolder.resolve(name + Project.FILE_EXTENSION + AUTOSAVE_SUFFIX);
        }
        return autosaveFileOf(current);
    }

    public static Path autosaveFileOf(Path projectFile) {
        return projectFile.resolveSibling(projectFile.getFileName() + AUTOSAVE_SUFFIX);
    }

    /**
     * The autosave of {@code projectFile} when it holds later work than the project file itself (the app ended
     * without saving it), to offer restoring it.
     */
    public static Optional<Path> newerAutosaveOf(Path projectFile) {
        Path autosave = autosaveFileOf(projectFile);
        try {
            if (!Files.isRegularFile(autosave)) {
                return Optional.empty();
            }
            if (!Files.exists(projectFile)) {
                return Optional.of(autosave);
            }
            FileTime autosaved = Files.getLastModifiedTime(autosave);
            FileTime saved = Files.getLastModifiedTime(projectFile);
            return autosaved.compareTo(saved) > 0 ? Optional.of(autosave) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Restores an autosave: the project as autosaved, belonging to {@code projectFile} but unsaved, so saving it
     * writes the project file.
     */
    public void restored(Project autosaved, Path projectFile) {
        opened(autosaved, projectFile);
        clean = null; // the file on disk holds something else: the restored work stays unsaved until saved
        dirty.set(true);
    }

    /** Reads a project file; for a background task. */
    public static Project read(Path projectFile) {
        return ProjectFiles.read(projectFile);
    }

    /** Writes a project file atomically; for a background task. */
    public static void write(Project toWrite, Path projectFile) throws IOException {
        Files.createDirectories(projectFile.toAbsolutePath().getParent());
        ProjectFiles.write(toWrite, projectFile);
    }

    /** Writes an autosave (atomically, as every save); for a background task. */
    public static void writeAutosave(Project toWrite, Path autosaveFile) throws IOException {
        write(toWrite, autosaveFile);
    }

    /** Removes the autosave of a project once it is saved, so the next start does not offer stale work. */
    public static void deleteAutosave(Path autosaveFile) throws IOException {
        Files.deleteIfExists(autosaveFile);
    }

    private void remember(Path projectFile) {
        recentProjects.remove(projectFile);
        recentProjects.add(0, projectFile);
        while (recentProjects.size() > RECENT_LIMIT) {
            recentProjects.remove(recentProjects.size() - 1);
        }
        for (int i = 0; i < RECENT_LIMIT; i++) {
            if (i < recentProjects.size()) {
                preferences.put(RECENT_KEY + i, recentProjects.get(i).toString());
            } else {
                preferences.remove(RECENT_KEY + i);
            }
        }
    }

    private List<Path> loadRecent() {
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < RECENT_LIMIT; i++) {
            String stored = preferences.get(RECENT_KEY + i, null);
            if (stored != null && Files.isRegularFile(Path.of(stored))) {
                recent.add(Path.of(stored));
            }
        }
        return recent;
    }
}
