package io.neuralworkbench.engine.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the golden files of the current format version, one per template. Run it by hand (from the IDE, in
 * the project root or the training-engine folder) only when a new format version is introduced, then review
 * and commit the files: the tests compare against them and never write them.
 */
public final class GoldenNetworkFiles {
    static final String RESOURCE_DIRECTORY = "/golden/network/v" + NetworkDescription.FORMAT_VERSION + "/";

    private GoldenNetworkFiles() {
    }

    static String fileName(Template template) {
        return template.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".json";
    }

    public static void main(String[] args) throws IOException {
        Path module = Files.isDirectory(Path.of("training-engine")) ? Path.of("training-engine") : Path.of("");
        Path directory = module.resolve("src/test/resources" + RESOURCE_DIRECTORY);
        Files.createDirectories(directory);
        for (Template template : Template.values()) {
            NetworkJson.toFile(template.example(), directory.resolve(fileName(template)));
        }
    }
}
