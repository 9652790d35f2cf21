package io.neuralworkbench.engine.data.synthetic;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.RawTable;

import java.util.Arrays;
import java.util.List;

/**
 * The teaching sets by the names users type, one lookup for the CLI and the app: a name and the generator
 * settings in, the table out, or a message that lists the valid names.
 */
public final class TeachingSets {
    private TeachingSets() {
    }

    /**
     * Generates the teaching set called {@code name} (case-insensitive, e.g. {@code spirals}).
     *
     * @throws UserInputException naming the valid sets if there is no set called {@code name}, or if the
     *                            sample count or noise is out of range ({@link GeneratorSettings})
     */
    public static RawTable byName(String name, int samples, double noise, long seed) {
        return named(name).generate(new GeneratorSettings(samples, noise, seed));
    }

    /** The set called {@code name}, to ask for its target column or task before generating. */
    public static TeachingSet named(String name) {
        if (name == null || name.isBlank()) {
            throw new UserInputException("Missing the name of a teaching set — choose one of " + TeachingSet.ids());
        }
        return TeachingSet.named(name);
    }

    /** The valid names, in the order the sets are listed. */
    public static List<String> names() {
        return Arrays.stream(TeachingSet.values()).map(TeachingSet::id).toList();
    }

    /** One line per set for help texts, e.g. {@code spirals: two interleaved spirals (classification)}. */
    public static List<String> descriptions() {
        return Arrays.stream(TeachingSet.values()).map(set -> set.id() + ": " + set.description() + " ("
                + set.task().name().toLowerCase(java.util.Locale.ROOT) + ", target " + set.targetColumn() + ")")
                .toList();
    }
}
