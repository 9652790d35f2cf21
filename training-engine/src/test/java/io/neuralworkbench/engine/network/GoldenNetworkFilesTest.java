package io.neuralworkbench.engine.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Files written by earlier releases must keep loading as the same networks. */
class GoldenNetworkFilesTest {

    @ParameterizedTest
    @EnumSource(Template.class)
    void goldenFileLoadsAsTheTemplate(Template template) throws IOException {
        assertThat(NetworkJson.fromJson(golden(template))).isEqualTo(template.example());
    }

    /** A change in the written text is a format change: it needs a new format version and new golden files. */
    @ParameterizedTest
    @EnumSource(Template.class)
    void writerStillProducesTheGoldenText(Template template) throws IOException {
        assertThat(NetworkJson.toJson(template.example())).isEqualTo(golden(template));
    }

    private static String golden(Template template) throws IOException {
        String resource = GoldenNetworkFiles.RESOURCE_DIRECTORY + GoldenNetworkFiles.fileName(template);
        try (InputStream in = GoldenNetworkFilesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden file %s is missing; create it with GoldenNetworkFiles.main and commit it",
                    resource).isNotNull();
            // Normalised so that a checkout with Windows line endings still compares equal.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }
}
