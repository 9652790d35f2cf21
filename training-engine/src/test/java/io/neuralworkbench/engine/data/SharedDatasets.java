package io.neuralworkbench.engine.data;

import java.nio.file.Path;

/** The real datasets shared by all worktrees; tests run with the project root as working directory. */
final class SharedDatasets {
    static final Path IRIS = Path.of("../shared/datasets/iris.csv");
    static final Path PENGUINS = Path.of("../shared/datasets/penguins.csv");
    static final Path TITANIC = Path.of("../shared/datasets/titanic.csv");
    static final Path DIAMONDS = Path.of("../shared/datasets/diamonds.csv");
    static final Path SMS_SPAM = Path.of("../shared/datasets/sms-spam.tsv");

    private SharedDatasets() {
    }
}
