package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.export.ExportFormat;
import io.neuralworkbench.engine.export.ModelExport;
import io.neuralworkbench.engine.export.ParityMismatchException;
import io.neuralworkbench.engine.export.ParitySample;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code workbench export}: a bundle's model card, a Java example project, a checked copy of the bundle, or an
 * ONNX model with its preprocessing JSON.
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Export a model bundle into a new folder: its model card (one HTML file that opens without a",
            "network), a runnable Java example project (Maven) that predicts with it, or a copy of the bundle;",
            "or, with --format onnx, into one ONNX file (opset 13) and its fitted preprocessing beside it",
            "(MODEL.preprocessing.json).",
            "The bundle is written first and read back; it must predict what the model predicts, or nothing is",
            "exported (exit code 1). The folder appears only when everything is written."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "A model bundle written by 'workbench train' or the app.")
    Path bundleFile;

    @Option(names = "--format", required = true, paramLabel = "card|java|bundle|onnx",
            description = "card: model-card.html; java: a Maven project with PredictExample and the bundle;"
                    + " bundle: a copy of the bundle; onnx: MODEL.onnx and MODEL.preprocessing.json.")
    ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "DIR|MODEL.onnx",
            description = "The folder to create (it may exist if it is empty); for onnx the model file to write"
                    + " (replaced if it exists).")
    Path out;

    @Option(names = "--name", paramLabel = "NAME",
            description = "What the exported files are named after (default: the bundle's file name).")
    String name;

    @Option(names = "--data", paramLabel = "FILE",
            description = "A CSV/TSV file (e.g. your test rows) to check the written bundle on; by default it is"
                    + " checked on generated inputs of the network's shape.")
    Path checkData;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String exportName = name != null ? name : defaultName(bundleFile);
        ModelExport.Result result;
        try (ModelBundle bundle = ModelBundle.read(bundleFile)) {
            ParitySample sample = ParitySample.forBundle(bundle, checkData);
            if (format == ExportFormat.ONNX) {
                return printOnnx(ModelExport.saveOnnx(bundle, this.out, sample), out);
            }
            result = ModelExport.export(bundle, exportName, format, this.out, sample, step -> { });
        } catch (ParityMismatchException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCode.SOFTWARE;
        }
        out.println(result.parity().summary());
        out.println("Exported " + result.files().size() + (result.files().size() == 1 ? " file" : " files")
                + " to " + result.folder() + ":");
        result.files().forEach(file -> out.println("  " + file));
        switch (format) {
            case CARD -> out.println("Open " + result.folder().resolve(ModelExport.CARD_FILE) + " in a browser.");
            case JAVA -> out.println("Build and run it as its README.md says (cd " + result.folder()
                    + " && mvn -q compile exec:java -Dexec.args=\"" + ModelExport.fileName(exportName)
                    + ".zip rows.csv\").");
            case BUNDLE, ONNX -> { }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static int printOnnx(ModelExport.OnnxResult result, PrintWriter out) {
        out.println(result.parity().summary());
        out.println("Exported the ONNX model " + result.files().model());
        out.println("and its fitted preprocessing " + result.files().preprocessing()
                + " (what turns raw rows, texts or images into the model's input; see docs/onnx.md).");
        out.flush();
        return ExitCode.OK;
    }

    private static String defaultName(Path bundle) {
        String fileName = bundle.getFileName().toString();
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")
                ? fileName.substring(0, fileName.length() - 4) : fileName;
    }
}
