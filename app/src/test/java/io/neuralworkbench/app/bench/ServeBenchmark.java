package io.neuralworkbench.app.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralworkbench.app.serve.ModelServer;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.data.CsvImporter;
import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.RawTable;

/**
 * Requests per second and latency of {@code workbench serve} on loopback, next to the same one-sample predictions
 * made in-process: the ratio is the server's overhead (HTTP, JSON, validation). Not a test; prints figures.
 *
 * <p>Arguments: {@code BUNDLE DATA [clients] [seconds]} — DATA is the training CSV for a table model (rows are
 * sent with their raw values) or a folder of images for an image model (sent as base64).
 */
public final class ServeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path bundleFile = Path.of(args[0]);
        Path data = Path.of(args[1]);
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        List<String> bodies = new ArrayList<>();
        List<Runnable> inProcess = new ArrayList<>();
        ModelBundle bundle = ModelBundle.read(bundleFile);
        if (Files.isDirectory(data)) {
            List<Path> images;
            try (Stream<Path> files = Files.walk(data)) {
                images = files.filter(DataKind::isImageFile).sorted().limit(200).toList();
            }
            for (Path image : images) {
                ObjectNode body = JSON.createObjectNode();
                body.putArray("rows").addObject().put("image", Base64.getEncoder().encodeToString(
                        Files.readAllBytes(image)));
                bodies.add(body.toString());
                inProcess.add(() -> bundle.predictImages(List.of(image), List.of("0")));
            }
        } else {
            RawTable table = CsvImporter.read(data);
            for (int row = 0; row < table.rowCount(); row++) {
                ObjectNode body = JSON.createObjectNode();
                ObjectNode values = body.putArray("rows").addObject();
                String[] cells = new String[table.columnCount()];
                for (int column = 0; column < table.columnCount(); column++) {
                    values.put(table.columnNames().get(column), table.cell(row, column));
                    cells[column] = table.cell(row, column);
                }
                bodies.add(body.toString());
                RawTable one = RawTable.of("row", table.columnNames(), List.<String[]>of(cells));
                inProcess.add(() -> bundle.predict(one));
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d one-sample requests, %d clients, %d s per measurement, %d cores%n",
                bundleFile.getFileName(), bodies.size(), clients, seconds, Runtime.getRuntime().availableProcessors());

        double[] local = measureInProcess(inProcess, 3);
        local = measureInProcess(inProcess, seconds);
        try (ModelServer server = ModelServer.start(Map.of("model", bundleFile), ModelServer.Options.loopback(0))) {
            URI predict = URI.create("http://127.0.0.1:" + server.port() + "/v1/predict");
            measureServer(predict, bodies, clients, 3);
            double[] served = measureServer(predict, bodies, clients, seconds);
            Arrays.sort(local);
            Arrays.sort(served);
            double localRate = local.length / (double) seconds;
            double servedRate = served.length / (double) seconds;
            System.out.println("where      | predictions/s | p50 ms | p99 ms");
            System.out.printf(Locale.ROOT, "in-process | %13.0f | %6.2f | %6.2f%n", localRate, at(local, 0.5),
                    at(local, 0.99));
            System.out.printf(Locale.ROOT, "server     | %13.0f | %6.2f | %6.2f%n", servedRate, at(served, 0.5),
                    at(served, 0.99));
            System.out.printf(Locale.ROOT, "server / in-process throughput: %.2f%n", servedRate / localRate);
        }
        bundle.close();
    }

    /** One thread, as the server's model also predicts one request at a time. */
    private static double[] measureInProcess(List<Runnable> predictions, int seconds) {
        List<Double> millis = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; System.nanoTime() < end; i++) {
            long start = System.nanoTime();
            predictions.get(i % predictions.size()).run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] measureServer(URI predict, List<String> bodies, int clients, int seconds)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Double>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            results.add(pool.submit(() -> {
                List<Double> millis = new ArrayList<>();
                for (int i = offset; System.nanoTime() < end; i += clients) {
                    HttpRequest request = HttpRequest.newBuilder(predict)
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + ": " + response.body());
                    }
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                return millis;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double at(double[] sorted, double share) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }
}
