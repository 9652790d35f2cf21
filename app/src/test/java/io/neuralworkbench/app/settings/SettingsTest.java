package io.neuralworkbench.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private final Preferences preferences = Preferences.userRoot().node("io/neuralworkbench/app-test/settings");

    @AfterEach
    void removePreferences() throws BackingStoreException {
        preferences.removeNode();
    }

    @Test
    void choicesAreRememberedForTheNextStart() {
        Settings settings = new Settings(preferences);
        settings.themeProperty().set(Settings.Theme.DARK);
        settings.fontScaleProperty().set(1.25);
        settings.workerThreadsProperty().set(3);
        settings.dataFolderProperty().set(Path.of("/data"));

        Settings next = new Settings(preferences);

        assertThat(next.themeProperty().get()).isEqualTo(Settings.Theme.DARK);
        assertThat(next.fontScaleProperty().get()).isEqualTo(1.25);
        assertThat(next.workerThreadsProperty().get()).isEqualTo(3);
        assertThat(next.dataFolderProperty().get()).isEqualTo(Path.of("/data"));
    }

    @Test
    void theWindowOpensWhereAndAsLargeAsItClosed() {
        Settings first = new Settings(preferences);
        assertThat(first.windowPlacement()).isEqualTo(WindowPlacement.DEFAULT);
        assertThat(first.windowPlacement().hasPosition()).isFalse();

        first.rememberWindowPlacement(new WindowPlacement(40, 30, 1500, 900, true));
        WindowPlacement next = new Settings(preferences).windowPlacement();

        assertThat(next).isEqualTo(new WindowPlacement(40, 30, 1500, 900, true));
        assertThat(next.hasPosition()).isTrue();
    }

    @Test
    void anUnusableStoredWindowSizeFallsBackToTheDefaultSize() {
        new Settings(preferences).rememberWindowPlacement(new WindowPlacement(10, Double.NaN, 90, Double.NaN, false));

        WindowPlacement next = new Settings(preferences).windowPlacement();

        assertThat(next.width()).isEqualTo(WindowPlacement.DEFAULT.width());
        assertThat(next.height()).isEqualTo(WindowPlacement.DEFAULT.height());
        assertThat(next.hasPosition()).isFalse();
    }

    @Test
    void presentationModeEnlargesFontsAndScalesStayInRange() {
        Settings settings = new Settings(preferences);
        settings.fontScaleProperty().set(1.0);
        settings.presentationModeProperty().set(true);
        assertThat(settings.effectiveFontScale()).isEqualTo(Settings.PRESENTATION_FONT_SCALE);

        settings.fontScaleProperty().set(40);
        settings.workerThreadsProperty().set(0);

        assertThat(settings.fontScaleProperty().get()).isEqualTo(Settings.MAX_FONT_SCALE);
        assertThat(settings.workerThreadsProperty().get()).isEqualTo(1);
    }
}
