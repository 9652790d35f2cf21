package io.neuralworkbench.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import io.neuralworkbench.engine.data.SplitFractions;
import io.neuralworkbench.engine.project.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSessionTest {
    @TempDir
    Path dir;
    private Preferences preferences;

    @BeforeEach
    void freshPreferences() {
        preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/" + getClass().getSimpleName());
    }

    @AfterEach
    void removePreferences() throws BackingStoreException {
        preferences.removeNode();
    }

    private Project irisProject() {
        return Project.newFor(dir.resolve("iris.csv"), "species");
    }

    @Test
    void editsMakeTheProjectDirtyAndSavingCleansIt() throws IOException {
        ProjectSession session = new ProjectSession(preferences, dir.resolve("autosave"));
        session.newProject(irisProject());
        assertThat(session.isDirty()).isFalse();
        assertThat(session.file()).isNull();

        session.edit(p -> p.withSpec(p.data().spec().withSplit(new SplitFractions(0.8, 0.1, 0.1), 7)));
        assertThat(session.isDirty()).isTrue();

        Path file = dir.resolve("iris.nwproj");
        Project written = session.project();
        ProjectSession.write(written, file);
        session.saved(written, file);

        assertThat(session.isDirty()).isFalse();
        assertThat(session.file()).isEqualTo(file);
        assertThat(ProjectSession.read(file)).isEqualTo(written);
    }

    @Test
    void anEditThatReturnsToTheSavedProjectLeavesNothingUnsaved() throws IOException {
        ProjectSession session = new ProjectSession(preferences, dir.resolve("autosave"));
        session.newProject(irisProject());
        session.edit(p -> p.withName("renamed"));
        assertThat(session.isDirty()).isTrue();

        session.edit(p -> p.withName("iris"));
        assertThat(session.isDirty()).isFalse();

        session.edit(p -> p.withName("renamed"));
        Path file = dir.resolve("renamed.nwproj");
        session.saved(session.project(), file);
        session.edit(p -> p.withName("iris"));

        assertThat(session.isDirty()).as("the saved file holds the renamed project").isTrue();
    }

    @Test
    void openingCreatingAndClosingStartANewGenerationButEditsDoNot() {
        ProjectSession session = new ProjectSession(preferences, dir.resolve("autosave"));
        int[] generationSeenByListener = new int[1];
        session.projectProperty().addListener((o, old, now) -> generationSeenByListener[0] = session.generation());

        session.newProject(irisProject());
        int created = generationSeenByListener[0];
        session.edit(p -> p.withName("renamed"));
        assertThat(generationSeenByListener[0]).isEqualTo(created);

        session.closeProject();
        assertThat(generationSeenByListener[0]).isEqualTo(created + 1);
    }

    @Test
    void anEditDuringABackgroundSaveKeepsTheProjectDirty() throws IOException {
        ProjectSession session = new ProjectSession(preferences, dir.resolve("autosave"));
        session.newProject(irisProject());
        session.edit(p -> p.withName("first"));
        Project written = session.project();
        session.edit(p -> p.withName("second"));

        session.saved(written, dir.resolve("p.nwproj"));

        assertThat(session.isDirty()).isTrue();
    }

    @Test
    void recentProjectsAreRememberedMostRecentFirstAcrossSessions() throws IOException {
        ProjectSession session = new ProjectSession(preferences, dir.resolve("autosave"));
        Path first = dir.resolve("a.nwproj");
        Path second = dir.resolve("b.nwproj");
        ProjectSession.write(irisProject(), first);
        ProjectSession.write(irisProject(), second);
        session.opened(ProjectSession.read(first), first);
        session.opened(ProjectSession.read(second), second);
        session.opened(ProjectSession.read(first), first);

        ProjectSession later = new ProjectSession(preferences, dir.resolve("autosave"));

        assertThat(later.recentProjects()).containsExactly(first, second);
    }

    @Test
    void anAutosaveNewerThanTheProjectIsOfferedAndRestoredUnsaved() throws IOException {
        ProjectSession session = new ProjectSession(preferences, dir.resolve("autosave"));
        Path file = dir.resolve("iris.nwproj");
        ProjectSession.write(irisProject(), file);
        session.opened(ProjectSession.read(file), file);
        assertThat(ProjectSession.newerAutosaveOf(file)).isEmpty();

        session.edit(p -> p.withName("edited"));
        ProjectSession.writeAutosave(session.project(), session.autosaveFile());
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));

        // A new app instance after a crash:
        ProjectSession restarted = new ProjectSession(preferences, dir.resolve("autosave"));
        Path autosave = ProjectSession.newerAutosaveOf(file).orElseThrow();
        assertThat(autosave).isEqualTo(dir.resolve("iris.nwproj.autosave"));
        restarted.restored(ProjectSession.read(autosave), file);

        assertThat(restarted.project().name()).isEqualTo("edited");
        assertThat(restarted.isDirty()).isTrue();
        assertThat(restarted.file()).isEqualTo(file);
    }

    @Test
    void anUntitledProjectIsAutosavedInTheAppFolder() {
        ProjectSession session = new ProjectSession(preferences, dir.resolve("autosave"));
        session.newProject(irisProject());

        assertThat(session.autosaveFile()).isEqualTo(dir.resolve("autosave/iris.nwproj.autosave"));
    }
}
