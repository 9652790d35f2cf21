package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.synthetic.GeneratorSettings;
import io.neuralworkbench.engine.data.synthetic.TeachingSet;
import io.neuralworkbench.engine.data.synthetic.TeachingSets;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The tables {@code --sample NAME} names: a bundled sample (iris) or a teaching set at its default settings. */
final class SampleTables {
    static final String OPTION_DESCRIPTION = "A bundled sample (iris) or a teaching set (circles, xor, spirals, "
            + "blobs, curve; " + GeneratorSettings.DEFAULT_SAMPLES + " rows) instead of a file.";

    private SampleTables() {
    }

    /** A table and the column to predict in it (null when not known). */
    record NamedTable(RawTable table, String target) {
    }

    /**
     * @param target the column the user chose, or null for the sample's usual target
     * @throws UserInputException for a name that is no sample, listing the names
     */
    static NamedTable named(String name, String target) throws IOException {
        Optional<SampleData> bundled = Arrays.stream(SampleData.values())
                .filter(sample -> sample.name().equalsIgnoreCase(name.strip())).findFirst();
        if (bundled.isPresent()) {
            return new NamedTable(CsvImporter.read(bundled.get().extract()),
                    target != null ? target : bundled.get().target());
        }
        TeachingSet set = TeachingSet.find(name).orElseThrow(() -> new UserInputException("There is no sample called \""
                + name + "\" — choose one of " + Stream.concat(Arrays.stream(SampleData.values()).map(Enum::name),
                        TeachingSets.names().stream()).collect(Collectors.joining(", "))));
        return new NamedTable(set.generate(GeneratorSettings.defaults()), target != null ? target : set.targetColumn());
    }
}
