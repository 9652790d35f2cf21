package io.neuralworkbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.neuralworkbench.app.serve.ModelServer;
import io.neuralworkbench.engine.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench serve}: model bundles as an HTTP service until the process is stopped. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Serve model bundles over HTTP: POST /v1/predict (or /v1/models/NAME/predict) with",
            "{\"rows\": [{\"column\": value, ...}]}, GET /v1/model, /v1/models, /health, /metrics, /openapi.json.",
            "A bundle file that changes on disk is reloaded without a restart. Stop with Ctrl+C (or SIGTERM)."})
final class ServeCommand implements Callable<Integer> {
    static final String TOKEN_VARIABLE = "NEURALWORKBENCH_TOKEN";

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", arity = "1..*", description = "Model bundles written by 'workbench train'; "
            + "each is served under its file name without .zip.")
    List<Path> bundles;

    @Option(names = "--name", paramLabel = "NAME", description = "The name to serve a single bundle under.")
    String name;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Require 'Authorization: Bearer TOKEN' on every "
            + "request but /health (or set " + TOKEN_VARIABLE + ").")
    String token;

    @Option(names = "--max-request-kb", paramLabel = "KB", defaultValue = "8192",
            description = "The largest request body accepted (default: ${DEFAULT-VALUE} KB).")
    long maxRequestKb;

    @Override
    public Integer call() throws InterruptedException {
        if (name != null && bundles.size() > 1) {
            throw new UserInputException("--name names a single bundle; with several, each is served under its "
                    + "file name.");
        }
        Map<String, Path> named = new LinkedHashMap<>();
        for (Path bundle : bundles) {
            String served = name != null ? name : ModelServer.nameOf(bundle);
            if (named.put(served, bundle) != null) {
                throw new UserInputException("Two bundles would be served as '" + served + "'; rename one file.");
            }
        }
        String requiredToken = token != null ? token : System.getenv(TOKEN_VARIABLE);
        ModelServer.Options options = new ModelServer.Options(host, port,
                requiredToken == null || requiredToken.isBlank() ? null : requiredToken, maxRequestKb * 1024,
                Duration.ofSeconds(2));
        ModelServer server = ModelServer.start(named, options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Serving %s at http://%s:%d/v1/predict (OpenAPI: /openapi.json)%s%n", String.join(", ",
                named.keySet()), host, server.port(), options.token() == null ? "" : "; a bearer token is required");
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }
}
