package io.neuralworkbench.engine.data;

import java.nio.file.Path;

/** The real datasets shared by all worktrees; tests run with the project root as working directory. */
public final class SharedDatasets {
    public static final Path IRIS = Path.of("../shared/datasets/iris.csv");
    public static final Path PENGUINS = Path.of("../shared/datasets/penguins.csv");
    public static final Path TITANIC = Path.of("../shared/datasets/titanic.csv");
    public static final Path DIAMONDS = Path.of("../shared/datasets/diamonds.csv");
    public static final Path SMS_SPAM = Path.of("../shared/datasets/sms-spam.tsv");

    private SharedDatasets() {
    }
}
