package io.neuralworkbench.app.serve;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.Version;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.FittedColumn;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.image.ImagePreprocessing;
import io.neuralworkbench.engine.data.text.TextPreprocessing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model bundles as an HTTP service ({@code workbench serve}): predictions, model descriptions, health, metrics and
 * an OpenAPI document. Every answer is JSON; a refused request says which field is wrong and never shows a stack
 * trace. Bundle files are watched and reloaded when they change.
 */
public final class ModelServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    /**
     * @param token           a bearer token every request but /health must carry, or null for none
     * @param maxRequestBytes the largest request body accepted
     * @param reloadCheck     how often bundle files are checked for changes
     */
    public record Options(String host, int port, String token, long maxRequestBytes, Duration reloadCheck) {
        public static final long DEFAULT_MAX_REQUEST_BYTES = 8L * 1024 * 1024;

        public static Options loopback(int port) {
            return new Options("127.0.0.1", port, null, DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(2));
        }

        public Options withToken(String newToken) {
            return new Options(host, port, newToken, maxRequestBytes, reloadCheck);
        }

        public Options withMaxRequestBytes(long bytes) {
            return new Options(host, port, token, bytes, reloadCheck);
        }

        public Options withReloadCheck(Duration every) {
            return new Options(host, port, token, maxRequestBytes, every);
        }
    }

    private final Map<String, ServedModel> models;
    private final String defaultModel;
    private final ServerMetrics metrics = new ServerMetrics();
    private final Options options;
    private final ScheduledExecutorService watcher;
    private final Javalin app;

    private ModelServer(Map<String, ServedModel> models, Options options) {
        this.models = models;
        this.defaultModel = models.keySet().iterator().next();
        this.options = options;
        this.app = Javalin.create(config -> {
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            config.http.maxRequestSize = options.maxRequestBytes();
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setStopTimeout(5_000)); // in-flight requests may finish
            config.startup.showJavalinBanner = false;
            config.requestLogger.http(this::logged);
            config.routes.before(this::authorize);
            config.routes.get("/health", ctx -> reply(ctx, 200, Map.of("status", "ok", "models",
                    new ArrayList<>(models.keySet()))));
            config.routes.get("/metrics", ctx -> reply(ctx, 200, metrics.snapshot()));
            config.routes.get("/openapi.json", ctx -> reply(ctx, 200, openApi()));
            config.routes.get("/v1/model", ctx -> reply(ctx, 200, describe(models.get(defaultModel))));
            config.routes.post("/v1/predict", ctx -> predict(ctx, models.get(defaultModel)));
            config.routes.get("/v1/models", ctx -> reply(ctx, 200, Map.of("models",
                    models.values().stream().map(ModelServer::describe).toList())));
            config.routes.get("/v1/models/{name}", ctx -> reply(ctx, 200, describe(model(ctx))));
            config.routes.post("/v1/models/{name}/predict", ctx -> predict(ctx, model(ctx)));
            config.routes.exception(ApiError.class, (e, ctx) -> refuse(ctx, e.status(), e.field(), e.getMessage()));
            config.routes.exception(UserInputException.class, (e, ctx) -> refuse(ctx, 400, "rows", e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> refuse(ctx, e.getStatus(), null,
                    e.getStatus() == 413 ? "The request is larger than " + options.maxRequestBytes() + " bytes."
                            : e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                refuse(ctx, 500, null, "The server failed to answer; its log says why.");
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    refuse(ctx, 404, null, "No such endpoint: " + ctx.method() + " " + ctx.path() + ". See /openapi.json.");
                }
            });
            config.routes.error(405, "*", ctx -> refuse(ctx, 405, null, ctx.method() + " is not allowed on "
                    + ctx.path() + ". See /openapi.json."));
        });
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "model-file-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Loads every bundle, then starts serving.
     *
     * @param bundles names and bundle files, the first one also served at /v1/predict and /v1/model
     */
    public static ModelServer start(Map<String, Path> bundles, Options options) {
        if (bundles.isEmpty()) {
            throw new UserInputException("No model bundle to serve — give at least one BUNDLE.zip.");
        }
        Map<String, ServedModel> models = new LinkedHashMap<>();
        try {
            bundles.forEach((name, file) -> models.put(name, new ServedModel(name, file)));
            ModelServer server = new ModelServer(models, options);
            server.app.start();
            long every = options.reloadCheck().toMillis();
            server.watcher.scheduleWithFixedDelay(server::reloadChangedFiles, every, every, TimeUnit.MILLISECONDS);
            return server;
        } catch (RuntimeException e) {
            models.values().forEach(ServedModel::close);
            throw e;
        }
    }

    /** The name a bundle is served under when none is given: its file name without ".zip". */
    public static String nameOf(Path bundle) {
        String file = bundle.getFileName().toString();
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? file.substring(0, file.length() - 4) : file;
    }

    public int port() {
        return app.port();
    }

    /** Stops taking requests, lets running ones finish (up to 5 s), then frees the models. */
    @Override
    public void close() {
        watcher.shutdownNow();
        app.stop();
        models.values().forEach(ServedModel::close);
        LOG.info("Model server stopped");
    }

    private void reloadChangedFiles() {
        for (ServedModel model : models.values()) {
            try {
                model.reloadIfChanged();
            } catch (RuntimeException e) {
                LOG.warn("Model '{}': checking {} failed: {}", model.name(), model.file(), e.getMessage());
            }
        }
    }

    private void authorize(Context ctx) {
        if (options.token() == null || ctx.path().equals("/health")) {
            return;
        }
        String header = ctx.header("Authorization");
        byte[] expected = ("Bearer " + options.token()).getBytes(StandardCharsets.UTF_8);
        if (header == null || !MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "Authorization", "Send the header 'Authorization: Bearer <token>' with the "
                    + "token the server was started with.");
        }
    }

    private ServedModel model(Context ctx) {
        String name = ctx.pathParam("name");
        ServedModel model = models.get(name);
        if (model == null) {
            throw new ApiError(404, "name", "No model named '" + name + "'; served: " + String.join(", ",
                    models.keySet()) + ".");
        }
        return model;
    }

    private void predict(Context ctx, ServedModel model) throws JsonProcessingException {
        if (ctx.contentLength() > options.maxRequestBytes()) {
            throw new ApiError(413, null, "The request is larger than " + options.maxRequestBytes() + " bytes.");
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (java.io.IOException e) {
            throw new ApiError(400, null, "The body is not valid JSON: " + firstLine(e.getMessage()));
        }
        List<JsonNode> rows = PredictionRequests.rowsOf(body);
        var predictions = model.use(bundle -> PredictionRequests.predict(bundle, rows));
        reply(ctx, 200, Map.of("model", model.name(), "predictions", PredictionRequests.answer(predictions)));
    }

    private void logged(Context ctx, Float millis) {
        int status = ctx.statusCode();
        metrics.record(status, millis == null ? 0 : millis);
        LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), status, String.format(java.util.Locale.ROOT, "%.1f",
                millis == null ? 0f : millis));
    }

    private static void reply(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType(JSON_TYPE).result(JSON.writeValueAsString(body));
    }

    private static void refuse(Context ctx, int status, String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        if (field != null) {
            error.put("field", field);
        }
        error.put("message", message);
        try {
            reply(ctx, status, Map.of("error", error));
        } catch (JsonProcessingException e) {
            ctx.status(status).result("{\"error\":{\"status\":" + status + "}}");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** What a model takes and gives, how it scored on its test split, and where it came from. */
    static Map<String, Object> describe(ServedModel served) {
        return served.use(bundle -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", served.name());
            model.put("file", served.file().getFileName().toString());
            model.put("loadedAt", served.loadedAt().toString());
            model.put("task", bundle.preprocessing().task().name());
            model.put("target", bundle.preprocessing().targetName());
            model.put("labels", bundle.preprocessing().classNames());
            model.put("input", inputOf(bundle));
            model.put("testMetrics", bundle.testMetrics() == null ? Map.of() : bundle.testMetrics().headline());
            model.put("provenance", bundle.provenance());
            return model;
        });
    }

    private static Map<String, Object> inputOf(ModelBundle bundle) {
        Map<String, Object> input = new LinkedHashMap<>();
        if (bundle.preprocessing() instanceof TextPreprocessing text) {
            input.put("kind", "text");
            input.put("field", PredictionRequests.TEXT_FIELD);
            input.put("trainedOnColumn", text.textColumn());
        } else if (bundle.preprocessing() instanceof ImagePreprocessing image) {
            input.put("kind", "image");
            input.put("field", PredictionRequests.IMAGE_FIELD);
            input.put("encoding", "base64 of a PNG, JPEG or BMP file");
            input.put("resizedTo", image.height() + "x" + image.width() + "x" + image.channels());
        } else {
            input.put("kind", "table");
            List<Map<String, Object>> columns = new ArrayList<>();
            for (FittedColumn column : ((FittedPreprocessing) bundle.preprocessing()).features()) {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("name", column.name());
                described.put("type", column.type().name());
                if (!column.categories().isEmpty()) {
                    described.put("categories", column.categories());
                }
                columns.add(described);
            }
            input.put("columns", columns);
        }
        return input;
    }

    /** An OpenAPI 3 document of the endpoints, with the default model's row schema. */
    private Map<String, Object> openApi() {
        Map<String, Object> row = models.get(defaultModel).use(ModelServer::rowSchema);
        Map<String, Object> request = Map.of("type", "object", "required", List.of("rows"), "properties",
                Map.of("rows", Map.of("type", "array", "minItems", 1, "maxItems", PredictionRequests.MAX_ROWS,
                        "items", row)));
        Map<String, Object> predictBody = Map.of("required", true, "content", Map.of(JSON_TYPE, Map.of("schema",
                request)));
        Map<String, Object> errors = Map.of(
                "400", response("A bad request; error.field names the field at fault"),
                "401", response("Missing or wrong bearer token"),
                "404", response("No such model"),
                "413", response("The body is too large"));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/v1/predict", Map.of("post", operation("Predict with the default model ('" + defaultModel + "')",
                predictBody, errors)));
        paths.put("/v1/models/{name}/predict", Map.of("post", withName(operation("Predict with a named model",
                predictBody, errors))));
        paths.put("/v1/model", Map.of("get", operation("The default model: input, labels, test metrics, provenance",
                null, Map.of())));
        paths.put("/v1/models", Map.of("get", operation("Every served model", null, Map.of())));
        paths.put("/v1/models/{name}", Map.of("get", withName(operation("One served model", null, errors))));
        paths.put("/health", Map.of("get", operation("Whether the server runs (no token needed)", null, Map.of())));
        paths.put("/metrics", Map.of("get", operation("Request count, errors, latency percentiles", null, Map.of())));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", Map.of("title", "Neural Workbench model server", "version", Version.current()));
        document.put("paths", paths);
        if (options.token() != null) {
            document.put("components", Map.of("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme",
                    "bearer"))));
            document.put("security", List.of(Map.of("bearer", List.of())));
        }
        return document;
    }

    private static Map<String, Object> rowSchema(ModelBundle bundle) {
        if (bundle.preprocessing() instanceof TextPreprocessing) {
            return Map.of("type", "object", "required", List.of(PredictionRequests.TEXT_FIELD), "properties",
                    Map.of(PredictionRequests.TEXT_FIELD, Map.of("type", "string")));
        }
        if (bundle.preprocessing() instanceof ImagePreprocessing) {
            return Map.of("type", "object", "required", List.of(PredictionRequests.IMAGE_FIELD), "properties",
                    Map.of(PredictionRequests.IMAGE_FIELD, Map.of("type", "string", "format", "byte")));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (FittedColumn column : ((FittedPreprocessing) bundle.preprocessing()).features()) {
            Map<String, Object> property = new LinkedHashMap<>();
            switch (column.type()) {
                case NUMERIC -> property.put("type", "number");
                case BOOLEAN -> property.put("type", "boolean");
                default -> {
                    property.put("type", "string");
                    property.put("enum", column.categories());
                }
            }
            property.put("nullable", true);
            properties.put(column.name(), property);
            required.add(column.name());
        }
        return Map.of("type", "object", "required", required, "properties", properties);
    }

    private static Map<String, Object> operation(String summary, Map<String, Object> body,
                                                 Map<String, Object> errors) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("summary", summary);
        if (body != null) {
            operation.put("requestBody", body);
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", response("OK"));
        responses.putAll(errors);
        operation.put("responses", responses);
        return operation;
    }

    private static Map<String, Object> withName(Map<String, Object> operation) {
        operation.put("parameters", List.of(Map.of("name", "name", "in", "path", "required", true, "schema",
                Map.of("type", "string"))));
        return operation;
    }

    private static Map<String, Object> response(String description) {
        return Map.of("description", description, "content", Map.of(JSON_TYPE, Map.of("schema",
                Map.of("type", "object"))));
    }
}
