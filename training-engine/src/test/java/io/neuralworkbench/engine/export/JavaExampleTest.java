package io.neuralworkbench.engine.export;

import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.bundle.Predictions;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.SharedDatasets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exported Java project compiles against the engine jar it carries and predicts what the app predicts.
 * Compiled with the compiler API and run in its own JVM (no Maven, which would need the network), with the
 * test's dependencies standing in for the ones the pom lists, but the engine taken from the export's jar.
 */
@Tag("slow")
class JavaExampleTest {
    @TempDir
    Path directory;

    @Test
    void theExampleCompilesAndPrintsTheBundlesPredictionsForTenRows() throws Exception {
        ModelBundle bundle = TrainedIris.get().bundle;
        Path project = directory.resolve("iris-java");
        ModelExport.Result result = ModelExport.export(bundle, "iris", ExportFormat.JAVA, project,
                TrainedIris.get().testSample(), step -> { });
        Path engineJar = project.resolve("repo/io/neuralworkbench/training-engine/" + JavaExample.engineVersion()
                + "/training-engine-" + JavaExample.engineVersion() + ".jar");
        assertThat(result.files()).contains(Path.of("pom.xml"), Path.of(JavaExample.SOURCE_PATH), Path.of("iris.zip"),
                Path.of("README.md"), project.relativize(engineJar));
        assertThat(Files.readString(project.resolve("pom.xml")))
                .contains("<dl4j.version>1.0.0-M2.1</dl4j.version>", "<mainClass>example.PredictExample</mainClass>",
                        "<url>file://${project.basedir}/repo</url>")
                .doesNotContain("<artifactId>app</artifactId>");

        String classPath = classPathWithEngine(engineJar);
        Path classes = Files.createDirectory(directory.resolve("classes"));
        compile(project.resolve(JavaExample.SOURCE_PATH), classes, classPath);

        Path rows = tenIrisRowsWithoutTheTarget();
        List<String> printed = run(classes + File.pathSeparator + classPath, project.resolve("iris.zip"), rows);

        Predictions expected = bundle.predict(CsvImporter.read(rows));
        assertThat(printed).hasSize(10).isEqualTo(Arrays.asList(expected.labels()));
    }

    /**
     * The test's class path with our engine's class folder replaced by the exported jar, and without Logback:
     * the pom's slf4j-nop keeps log lines out of the predictions, and so does having no SLF4J provider.
     */
    private static String classPathWithEngine(Path engineJar) {
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>(List.of(engineJar.toString()));
        for (String entry : testClassPath.split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!path.endsWith(Path.of("training-engine/target/classes"))
                    && !path.endsWith(Path.of("training-engine/target/test-classes"))
                    && !path.getFileName().toString().startsWith("logback-classic")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void compile(Path source, Path classes, String classPath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, errors, errors, "--release", "17", "-Xlint:all,-path", "-Werror",
                "-cp", classPath, "-d", classes.toString(), source.toString());
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    }

    private Path tenIrisRowsWithoutTheTarget() throws IOException {
        List<String> lines = Files.readAllLines(SharedDatasets.IRIS, StandardCharsets.UTF_8);
        List<String> ten = new ArrayList<>();
        ten.add(lines.get(0));
        for (int row = 1; row <= 150; row += 15) {
            ten.add(lines.get(row));
        }
        Path file = directory.resolve("ten-rows.csv");
        Files.write(file, ten.stream().map(line -> line.substring(0, line.lastIndexOf(',')))
                .collect(Collectors.toList()), StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> run(String classPath, Path bundleFile, Path rows) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", classPath, JavaExample.MAIN_CLASS,
                bundleFile.toString(), rows.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().toList();
    }
}
