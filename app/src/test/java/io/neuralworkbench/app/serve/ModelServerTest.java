package io.neuralworkbench.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralworkbench.app.gui.evaluate.IrisBundles;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.bundle.Predictions;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.RawTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on loopback with a real iris bundle, called over HTTP. */
class ModelServerTest {
    private static final Path IRIS = Path.of("../shared/datasets/iris.csv");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private ModelServer server;

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ModelServer serve(ModelServer.Options options) throws IOException {
        server = ModelServer.start(Map.of("iris", IrisBundles.irisBundle().file()), options);
        return server;
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body, null);
    }

    /** Every iris row as the request's rows: raw values as in the CSV, the target column left out. */
    private static String irisRows(RawTable table, int count) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode rows = body.putArray("rows");
        for (int row = 0; row < count; row++) {
            ObjectNode values = rows.addObject();
            for (int column = 0; column < 4; column++) {
                values.put(table.columnNames().get(column), Double.parseDouble(table.cell(row, column)));
            }
        }
        return body.toString();
    }

    private static JsonNode errorOf(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(error.get("message").asText()).isNotBlank();
        return error;
    }

    @Test
    void predictionsEqualTheEnginesOwnForEveryIrisRow() throws Exception {
        serve(ModelServer.Options.loopback(0));
        RawTable iris = CsvImporter.read(IRIS);
        Predictions expected;
        try (ModelBundle bundle = ModelBundle.read(IrisBundles.irisBundle().file())) {
            expected = bundle.predict(iris);
        }

        HttpResponse<String> response = post("/v1/predict", irisRows(iris, iris.rowCount()));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode predictions = JSON.readTree(response.body()).get("predictions");
        assertThat(predictions).hasSize(150);
        for (int row = 0; row < 150; row++) {
            JsonNode prediction = predictions.get(row);
            assertThat(prediction.get("label").asText()).isEqualTo(expected.labels()[row]);
            for (int c = 0; c < expected.classNames().size(); c++) {
                assertThat(prediction.get("probabilities").get(expected.classNames().get(c)).asDouble())
                        .isCloseTo(expected.outputs()[row][c], within(1e-9));
            }
        }
        // The named route answers the same (a smaller batch may round the last float digits differently).
        HttpResponse<String> named = post("/v1/models/iris/predict", irisRows(iris, 3));
        JsonNode third = JSON.readTree(named.body()).get("predictions").get(2);
        assertThat(third.get("label")).isEqualTo(predictions.get(2).get("label"));
        assertThat(third.get("probabilities").get("setosa").asDouble())
                .isCloseTo(predictions.get(2).get("probabilities").get("setosa").asDouble(), within(1e-6));
    }

    @Test
    void theModelHealthMetricsAndOpenApiDescribeWhatIsServed() throws Exception {
        serve(ModelServer.Options.loopback(0));
        post("/v1/predict", irisRows(CsvImporter.read(IRIS), 2));

        JsonNode model = JSON.readTree(send("GET", "/v1/model", null, null).body());
        assertThat(model.get("labels")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("setosa", "versicolor", "virginica");
        assertThat(model.get("input").get("columns")).extracting(column -> column.get("name").asText())
                .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(model.get("testMetrics").get("accuracy").asDouble())
                .isEqualTo(IrisBundles.irisBundle().testMetrics().headline().get("accuracy"));
        assertThat(model.get("provenance").get("seed").asLong()).isEqualTo(7);

        assertThat(JSON.readTree(send("GET", "/health", null, null).body()).get("status").asText()).isEqualTo("ok");
        JsonNode openApi = JSON.readTree(send("GET", "/openapi.json", null, null).body());
        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        assertThat(openApi.get("paths").has("/v1/predict")).isTrue();
        assertThat(openApi.toString()).contains("petal_width");
        JsonNode metrics = JSON.readTree(send("GET", "/metrics", null, null).body());
        assertThat(metrics.get("requests").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(metrics.get("latencyMillis").get("p50").asDouble()).isPositive();
    }

    @Test
    void everyKindOfBadRequestIsRefusedWithTheFieldAtFault() throws Exception {
        serve(ModelServer.Options.loopback(0).withMaxRequestBytes(4096));
        String good = "\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4";

        assertThat(post("/v1/predict", "{\"rows\": [").statusCode()).isEqualTo(400);
        assertThat(errorOf(post("/v1/predict", "{\"rows\": [")).get("message").asText()).contains("not valid JSON");
        assertThat(errorOf(post("/v1/predict", "{}")).get("field").asText()).isEqualTo("rows");
        assertThat(errorOf(post("/v1/predict", "{\"rows\": []}")).get("field").asText()).isEqualTo("rows");
        assertThat(errorOf(post("/v1/predict", "{\"rows\": [5]}")).get("field").asText()).isEqualTo("rows[0]");
        HttpResponse<String> missing = post("/v1/predict", "{\"rows\": [{" + good + "}]}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(errorOf(missing).get("field").asText()).isEqualTo("rows[0].petal_width");
        HttpResponse<String> wrongType = post("/v1/predict", "{\"rows\": [{" + good + ", \"petal_width\": [1]}]}");
        assertThat(errorOf(wrongType).get("field").asText()).isEqualTo("rows[0].petal_width");
        HttpResponse<String> notANumber = post("/v1/predict",
                "{\"rows\": [{" + good + ", \"petal_width\": 0.2}, {" + good + ", \"petal_width\": \"wide\"}]}");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(errorOf(notANumber).get("field").asText()).isEqualTo("rows[1].petal_width");
        HttpResponse<String> unknown = post("/v1/predict", "{\"rows\": [{" + good + ", \"petal_width\": 0.2, "
                + "\"colour\": \"blue\"}]}");
        assertThat(errorOf(unknown).get("field").asText()).isEqualTo("rows[0].colour");
        // A null is a missing value, filled as in training; the target column may be sent and is ignored.
        assertThat(post("/v1/predict", "{\"rows\": [{" + good + ", \"petal_width\": null, \"species\": \"x\"}]}")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> tooLarge = post("/v1/predict", irisRows(CsvImporter.read(IRIS), 150));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        errorOf(tooLarge);
        HttpResponse<String> noModel = post("/v1/models/tulips/predict", "{\"rows\": [{" + good + "}]}");
        assertThat(noModel.statusCode()).isEqualTo(404);
        assertThat(errorOf(noModel).get("field").asText()).isEqualTo("name");
        HttpResponse<String> wrongMethod = send("GET", "/v1/predict", null, null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        errorOf(wrongMethod);
        HttpResponse<String> noEndpoint = send("GET", "/v2/anything", null, null);
        assertThat(noEndpoint.statusCode()).isEqualTo(404);
        errorOf(noEndpoint);

        JsonNode metrics = JSON.readTree(send("GET", "/metrics", null, null).body());
        assertThat(metrics.get("clientErrors").asLong()).isGreaterThanOrEqualTo(11);
        assertThat(metrics.get("serverErrors").asLong()).isZero();
    }

    @Test
    void aTokenIsRequiredWhenTheServerHasOneButNotForHealth() throws Exception {
        serve(ModelServer.Options.loopback(0).withToken("s3cret"));
        String body = irisRows(CsvImporter.read(IRIS), 1);

        HttpResponse<String> without = send("POST", "/v1/predict", body, null);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(errorOf(without).get("field").asText()).isEqualTo("Authorization");
        assertThat(send("POST", "/v1/predict", body, "wrong").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/v1/model", null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/v1/predict", body, "s3cret").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void severalModelsAreServedEachUnderItsName() throws Exception {
        Path copy = folder.resolve("iris-copy.zip");
        Files.copy(IrisBundles.irisBundle().file(), copy);
        Map<String, Path> bundles = new java.util.LinkedHashMap<>();
        bundles.put("iris", IrisBundles.irisBundle().file());
        bundles.put(ModelServer.nameOf(copy), copy);
        server = ModelServer.start(bundles, ModelServer.Options.loopback(0));
        String body = irisRows(CsvImporter.read(IRIS), 4);

        JsonNode models = JSON.readTree(send("GET", "/v1/models", null, null).body()).get("models");
        HttpResponse<String> fromCopy = post("/v1/models/iris-copy/predict", body);
        HttpResponse<String> fromDefault = post("/v1/predict", body);

        assertThat(models).extracting(model -> model.get("name").asText()).containsExactly("iris", "iris-copy");
        assertThat(JSON.readTree(fromCopy.body()).get("model").asText()).isEqualTo("iris-copy");
        assertThat(JSON.readTree(fromDefault.body()).get("model").asText()).isEqualTo("iris");
        assertThat(JSON.readTree(fromCopy.body()).get("predictions"))
                .isEqualTo(JSON.readTree(fromDefault.body()).get("predictions"));
        assertThat(JSON.readTree(send("GET", "/health", null, null).body()).get("models"))
                .extracting(JsonNode::asText).containsExactly("iris", "iris-copy");
    }

    @Test
    void noTokenIsAskedForWhenTheServerHasNone() throws Exception {
        serve(ModelServer.Options.loopback(0));
        assertThat(send("POST", "/v1/predict", irisRows(CsvImporter.read(IRIS), 1), "anything").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aChangedBundleFileIsServedWithoutARestartAndABrokenOneIsNot() throws Exception {
        Path served = folder.resolve("iris.zip");
        Files.copy(IrisBundles.irisBundle().file(), served);
        server = ModelServer.start(Map.of("iris", served), ModelServer.Options.loopback(0)
                .withReloadCheck(Duration.ofMillis(100)));
        String body = irisRows(CsvImporter.read(IRIS), 1);
        String firstLoad = JSON.readTree(send("GET", "/v1/model", null, null).body()).get("loadedAt").asText();

        Path broken = folder.resolve("broken.tmp");
        Files.writeString(broken, "not a bundle");
        Files.move(broken, served, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(600);
        assertThat(post("/v1/predict", body).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(send("GET", "/v1/model", null, null).body()).get("loadedAt").asText())
                .isEqualTo(firstLoad);

        Path fresh = folder.resolve("fresh.tmp");
        Files.copy(IrisBundles.irisBundle().file(), fresh);
        Files.move(fresh, served, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String loadedAt = firstLoad;
        while (loadedAt.equals(firstLoad) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            loadedAt = JSON.readTree(send("GET", "/v1/model", null, null).body()).get("loadedAt").asText();
        }
        assertThat(loadedAt).isNotEqualTo(firstLoad);
        assertThat(post("/v1/predict", body).statusCode()).isEqualTo(200);
    }

    @Test
    @Tag("slow")
    void thirtyTwoClientsSendTwoHundredRequestsEachWithoutAnError() throws Exception {
        serve(ModelServer.Options.loopback(0));
        RawTable iris = CsvImporter.read(IRIS);
        String body = irisRows(iris, 5);
        String expected = JSON.readTree(post("/v1/predict", body).body()).get("predictions").toString();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int c = 0; c < 32; c++) {
                Callable<Integer> client = () -> {
                    int ok = 0;
                    for (int r = 0; r < 200; r++) {
                        HttpResponse<String> response = post("/v1/predict", body);
                        if (response.statusCode() == 200 && JSON.readTree(response.body()).get("predictions")
                                .toString().equals(expected)) {
                            ok++;
                        }
                    }
                    return ok;
                };
                results.add(clients.submit(client));
            }
            int ok = 0;
            for (Future<Integer> result : results) {
                ok += result.get();
            }
            assertThat(ok).isEqualTo(32 * 200);
        } finally {
            clients.shutdownNow();
        }
        JsonNode metrics = JSON.readTree(send("GET", "/metrics", null, null).body());
        assertThat(metrics.get("serverErrors").asLong()).isZero();
        assertThat(metrics.get("clientErrors").asLong()).isZero();
    }
}
