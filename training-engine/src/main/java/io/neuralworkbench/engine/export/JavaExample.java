package io.neuralworkbench.engine.export;

import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.image.ImagePreprocessing;
import io.neuralworkbench.engine.util.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A small runnable Maven project that loads a bundle and prints one prediction per input, for an engineer who
 * wants the model in their own Java code.
 * <p>
 * It depends on our engine rather than re-implementing the preprocessing: {@code ModelBundle.predict} replays
 * exactly what training fitted (CSV parsing, scaling, one-hot, vocabularies, image resizing), which a copy
 * would have to keep in step by hand. The engine is not on Maven Central, so the export puts its jar in the
 * project's own file repository ({@code repo/}, Maven's folder layout) and the pom names that folder as a
 * repository: {@code mvn} then resolves it like any other dependency, with no install step. The engine's own
 * dependencies (DL4J, ND4J with its native code, Jackson) are listed in the pom at the versions of this build.
 */
public final class JavaExample {
    public static final String PACKAGE = "example";
    public static final String MAIN_CLASS = PACKAGE + ".PredictExample";
    public static final String SOURCE_PATH = "src/main/java/" + PACKAGE + "/PredictExample.java";
    static final String ENGINE_GROUP = "io.neuralworkbench";
    static final String ENGINE_ARTIFACT = "training-engine";
    private static final String EXEC_PLUGIN_VERSION = "3.5.0";
    private static final Properties VERSIONS = readVersions();

    private JavaExample() {
    }

    /** The engine version the example depends on (this build's). */
    public static String engineVersion() {
        return VERSIONS.getProperty("engine.version");
    }

    /**
     * Writes the project into {@code folder} (which the bundle is, or will be, in as {@code bundleFileName}).
     *
     * @param projectName the Maven artifact id, e.g. "iris-model-predict"
     */
    public static void write(Path folder, String projectName, String bundleFileName, InputPreprocessing preprocessing)
            throws IOException {
        AtomicFiles.writeString(folder.resolve("pom.xml"), pom(projectName));
        AtomicFiles.writeString(folder.resolve(SOURCE_PATH), source(preprocessing));
        AtomicFiles.writeString(folder.resolve("README.md"), readme(bundleFileName, preprocessing));
        Path engineFolder = folder.resolve("repo").resolve(ENGINE_GROUP.replace('.', '/')).resolve(ENGINE_ARTIFACT)
                .resolve(engineVersion());
        String baseName = ENGINE_ARTIFACT + "-" + engineVersion();
        AtomicFiles.write(engineFolder.resolve(baseName + ".jar"), JavaExample::writeEngineJar);
        AtomicFiles.writeString(engineFolder.resolve(baseName + ".pom"), enginePom());
    }

    /** What the Export view shows: the lines that load a bundle and predict, to paste into one's own code. */
    public static String snippet(String bundleFileName, InputPreprocessing preprocessing) {
        if (preprocessing instanceof ImagePreprocessing) {
            return """
                    try (ModelBundle bundle = ModelBundle.read(Path.of("%s"))) {
                        List<Path> images = List.of(Path.of("digit.png"));
                        Predictions predictions = bundle.predictImages(images, List.of("digit.png"));
                        System.out.println(predictions.labels()[0]);
                    }
                    """.formatted(javaString(bundleFileName));
        }
        return """
                try (ModelBundle bundle = ModelBundle.read(Path.of("%s"))) {
                    // The raw rows, as in the training file; the bundle applies its fitted preprocessing.
                    Predictions predictions = bundle.predict(CsvImporter.read(Path.of("rows.csv")));
                    for (int row = 0; row < predictions.size(); row++) {
                        System.out.println(%s);
                    }
                }
                """.formatted(javaString(bundleFileName), printedValue(preprocessing));
    }

    private static String printedValue(InputPreprocessing preprocessing) {
        return preprocessing.classNames().isEmpty() ? "predictions.outputs()[row][0]" : "predictions.labels()[row]";
    }

    static String source(InputPreprocessing preprocessing) {
        boolean images = preprocessing instanceof ImagePreprocessing;
        String usage = images ? "PredictExample BUNDLE.zip IMAGE..." : "PredictExample BUNDLE.zip ROWS.csv";
        String predict = images ? """
                            List<Path> files = Stream.of(args).skip(1).map(Path::of).toList();
                            Predictions predictions = bundle.predictImages(files, Stream.of(args).skip(1).toList());
                """ : """
                            Predictions predictions = bundle.predict(CsvImporter.read(Path.of(args[1])));
                """;
        return """
                package %s;

                import io.neuralworkbench.engine.UserInputException;
                import io.neuralworkbench.engine.bundle.ModelBundle;
                import io.neuralworkbench.engine.bundle.Predictions;
                import io.neuralworkbench.engine.data.CsvImporter;
                import io.neuralworkbench.engine.data.TaskType;

                import java.nio.file.Path;
                import java.util.List;
                import java.util.stream.Stream;

                /**
                 * Predicts with a Neural Workbench model bundle and prints one prediction per line, in input order: the
                 * class for a classifier, the value for a regression. The bundle's fitted preprocessing is applied to the
                 * raw inputs first, exactly as in training.
                 * <p>
                 * Usage: %s
                 */
                public final class PredictExample {
                    public static void main(String[] args) {
                        if (args.length < 2) {
                            System.err.println("Usage: %s");
                            System.exit(2);
                        }
                        try (ModelBundle bundle = ModelBundle.read(Path.of(args[0]))) {
                %s            for (int row = 0; row < predictions.size(); row++) {
                                System.out.println(predictions.task() == TaskType.CLASSIFICATION
                                        ? predictions.labels()[row]
                                        : Double.toString(predictions.outputs()[row][0]));
                            }
                        } catch (UserInputException e) {
                            // A missing file, a missing column, a value of the wrong type: the message says which.
                            System.err.println(e.getMessage());
                            System.exit(2);
                        }
                    }
                }
                """.formatted(PACKAGE, usage, usage, predict);
    }

    static String pom(String projectName) {
        String classifier = "<classifier>${javacpp.platform}</classifier>";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by Neural Workbench's export. Build and run: see README.md. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>

                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <neuralworkbench.version>%s</neuralworkbench.version>
                    <dl4j.version>%s</dl4j.version>
                    <javacpp.version>%s</javacpp.version>
                    <openblas.version>%s</openblas.version>
                    <jackson.version>%s</jackson.version>
                    <slf4j.version>%s</slf4j.version>
                    <!-- ND4J's native code for one platform: linux-x86_64, windows-x86_64, macosx-x86_64, macosx-arm64... -->
                    <javacpp.platform>%s</javacpp.platform>
                  </properties>

                  <!-- The Neural Workbench engine is not on Maven Central: the export put its jar in repo/ (Maven's layout). -->
                  <repositories>
                    <repository>
                      <id>neural-workbench-engine</id>
                      <url>file://${project.basedir}/repo</url>
                    </repository>
                  </repositories>

                  <dependencies>
                    <dependency>
                      <groupId>%s</groupId>
                      <artifactId>%s</artifactId>
                      <version>${neuralworkbench.version}</version>
                    </dependency>
                    <!-- What the engine needs to read a bundle and predict. -->
                    <dependency>
                      <groupId>org.deeplearning4j</groupId>
                      <artifactId>deeplearning4j-nn</artifactId>
                      <version>${dl4j.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>org.nd4j</groupId>
                      <artifactId>%s</artifactId>
                      <version>${dl4j.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>org.nd4j</groupId>
                      <artifactId>%s</artifactId>
                      <version>${dl4j.version}</version>
                      %s
                    </dependency>
                    <dependency>
                      <groupId>org.bytedeco</groupId>
                      <artifactId>javacpp</artifactId>
                      <version>${javacpp.version}</version>
                      %s
                    </dependency>
                    <dependency>
                      <groupId>org.bytedeco</groupId>
                      <artifactId>openblas</artifactId>
                      <version>${openblas.version}</version>
                      %s
                    </dependency>
                    <dependency>
                      <groupId>com.fasterxml.jackson.core</groupId>
                      <artifactId>jackson-databind</artifactId>
                      <version>${jackson.version}</version>
                    </dependency>
                    <!-- Keeps DL4J's log lines out of the predictions; use slf4j-simple to see them. -->
                    <dependency>
                      <groupId>org.slf4j</groupId>
                      <artifactId>slf4j-nop</artifactId>
                      <version>${slf4j.version}</version>
                    </dependency>
                  </dependencies>

                  <build>
                    <plugins>
                      <!-- Pinned, so the build does not fall back on the old defaults of an older Maven. -->
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.codehaus.mojo</groupId>
                        <artifactId>exec-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <mainClass>%s</mainClass>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(xml(projectName), engineVersion(), version("dl4j.version"), version("javacpp.version"),
                version("openblas.version"), version("jackson.version"), version("slf4j.version"),
                version("javacpp.platform"), ENGINE_GROUP, ENGINE_ARTIFACT, version("nd4j.backend"),
                version("nd4j.backend"), classifier, classifier, classifier, EXEC_PLUGIN_VERSION, MAIN_CLASS);
    }

    private static String enginePom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <description>Neural Workbench's training engine, copied by the export; the example's pom lists what it needs.</description>
                </project>
                """.formatted(ENGINE_GROUP, ENGINE_ARTIFACT, engineVersion());
    }

    private static String readme(String bundleFileName, InputPreprocessing preprocessing) {
        String input = preprocessing instanceof ImagePreprocessing ? "image1.png image2.png" : "rows.csv";
        String what = preprocessing instanceof ImagePreprocessing ? "image files (PNG, JPEG, BMP)"
                : "a CSV/TSV file with the columns the model was trained on (the target column may be missing)";
        return """
                # Predicting with %s in Java

                `PredictExample` loads the model bundle `%s` and prints one prediction per input, in order.
                Its input: %s.

                Build and run (JDK 17 and Maven; the first build downloads DL4J and ND4J, about 300 MB):

                ```bash
                mvn -q compile exec:java -Dexec.args="%s %s"
                ```

                The Neural Workbench engine, which reads the bundle and applies its fitted preprocessing, is in
                `repo/` (a Maven repository folder the pom points at), so nothing has to be installed first. The other
                dependencies are the versions the model was trained with. ND4J's native code is for `%s`; on another
                system change `javacpp.platform` in `pom.xml`.
                """.formatted(bundleFileName, bundleFileName, what, bundleFileName, input, version("javacpp.platform"));
    }

    /** Jars our engine classes: the jar itself in the application, a jar made from the class folder in a build. */
    private static void writeEngineJar(OutputStream out) throws IOException {
        Path location;
        try {
            location = Path.of(ModelBundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot find the engine's classes: " + e.getMessage(), e);
        }
        if (Files.isRegularFile(location)) {
            Files.copy(location, out);
            return;
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream jar = new JarOutputStream(out, manifest); Stream<Path> files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(location.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
    }

    private static String version(String key) {
        return VERSIONS.getProperty(key);
    }

    private static Properties readVersions() {
        Properties properties = new Properties();
        try (InputStream in = JavaExample.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the engine's resources");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : List.of("engine.version", "dl4j.version", "nd4j.backend", "javacpp.version",
                "javacpp.platform", "openblas.version", "jackson.version", "slf4j.version")) {
            String value = properties.getProperty(key);
            if (value == null || value.contains("${")) {
                throw new IllegalStateException("version.properties has no " + key + "; build the engine with Maven");
            }
        }
        return properties;
    }

    private static String xml(String text) {
        return Html.escape(text);
    }

    private static String javaString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
