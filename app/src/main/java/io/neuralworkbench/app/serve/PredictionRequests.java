package io.neuralworkbench.app.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.bundle.Predictions;
import io.neuralworkbench.engine.data.ColumnType;
import io.neuralworkbench.engine.data.FittedColumn;
import io.neuralworkbench.engine.data.FittedPreprocessing;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.RawTable;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.data.image.ImagePreprocessing;
import io.neuralworkbench.engine.data.text.TextPreprocessing;

/**
 * Turns a request body {@code {"rows": [...]}} into a bundle's predictions, checking every row first so that a
 * bad request names the field at fault, and turns the predictions into the answer.
 */
final class PredictionRequests {
    static final int MAX_ROWS = 10_000;
    static final String TEXT_FIELD = "text";
    static final String IMAGE_FIELD = "image";

    private PredictionRequests() {
    }

    /** The rows of a request body, at least one and at most {@link #MAX_ROWS}. */
    static List<JsonNode> rowsOf(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiError(400, null, "The body must be a JSON object: {\"rows\": [{...}, ...]}.");
        }
        JsonNode rows = body.get("rows");
        if (rows == null || !rows.isArray()) {
            throw new ApiError(400, "rows", "'rows' is missing or not an array: send {\"rows\": [{...}, ...]}.");
        }
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw new ApiError(400, "rows", "'rows' holds " + rows.size() + " rows; send 1 to " + MAX_ROWS + ".");
        }
        List<JsonNode> list = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isObject()) {
                throw new ApiError(400, "rows[" + i + "]", "Each row must be a JSON object of column: value.");
            }
            list.add(rows.get(i));
        }
        return list;
    }

    /** Predicts the rows with the bundle: feature columns, a text, or a base64 image per row. */
    static Predictions predict(ModelBundle bundle, List<JsonNode> rows) {
        InputPreprocessing preprocessing = bundle.preprocessing();
        if (preprocessing instanceof TextPreprocessing text) {
            return bundle.predictTexts(texts(rows, text));
        }
        if (preprocessing instanceof ImagePreprocessing) {
            return predictImages(bundle, rows);
        }
        return bundle.predict(table((FittedPreprocessing) preprocessing, rows));
    }

    private static RawTable table(FittedPreprocessing preprocessing, List<JsonNode> rows) {
        List<FittedColumn> columns = preprocessing.features();
        List<String> names = columns.stream().map(FittedColumn::name).toList();
        List<String[]> cells = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            for (Iterator<String> fields = row.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!names.contains(field) && !field.equals(preprocessing.targetColumn())) {
                    throw new ApiError(400, "rows[" + i + "]." + field, "Unknown column '" + field
                            + "'; this model takes " + String.join(", ", names) + ".");
                }
            }
            String[] values = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                values[c] = cell(row, i, columns.get(c));
            }
            cells.add(values);
        }
        return RawTable.of("request", names, cells);
    }

    /** A value as the CSV would hold it; null or "" is a missing value, filled as in training. */
    private static String cell(JsonNode row, int index, FittedColumn column) {
        String field = "rows[" + index + "]." + column.name();
        JsonNode value = row.get(column.name());
        if (value == null) {
            throw new ApiError(400, field, "Column '" + column.name() + "' is missing (send null for a missing "
                    + "value).");
        }
        if (value.isNull()) {
            return "";
        }
        if (value.isContainerNode()) {
            throw new ApiError(400, field, "'" + column.name() + "' must be a number, text or boolean, not "
                    + (value.isArray() ? "an array" : "an object") + ".");
        }
        String text = value.isNumber() ? value.numberValue().toString() : value.asText();
        if (column.type() == ColumnType.NUMERIC && !text.isBlank()) {
            try {
                Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new ApiError(400, field, "'" + column.name() + "' must be a number, was '" + text + "'.");
            }
        }
        return text;
    }

    private static List<String> texts(List<JsonNode> rows, TextPreprocessing preprocessing) {
        List<String> texts = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            JsonNode text = row.has(TEXT_FIELD) ? row.get(TEXT_FIELD) : row.get(preprocessing.textColumn());
            if (text == null || !text.isTextual()) {
                throw new ApiError(400, "rows[" + i + "]." + TEXT_FIELD, "This model reads texts: send {\""
                        + TEXT_FIELD + "\": \"...\"} (or \"" + preprocessing.textColumn() + "\") in every row.");
            }
            texts.add(text.asText());
        }
        return texts;
    }

    private static Predictions predictImages(ModelBundle bundle, List<JsonNode> rows) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("workbench-serve-");
            List<Path> files = new ArrayList<>(rows.size());
            List<String> names = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String field = "rows[" + i + "]." + IMAGE_FIELD;
                JsonNode image = rows.get(i).get(IMAGE_FIELD);
                if (image == null || !image.isTextual()) {
                    throw new ApiError(400, field, "This model reads images: send {\"" + IMAGE_FIELD
                            + "\": \"<base64 of a PNG, JPEG or BMP file>\"} in every row.");
                }
                byte[] bytes;
                try {
                    bytes = Base64.getMimeDecoder().decode(image.asText());
                } catch (IllegalArgumentException e) {
                    throw new ApiError(400, field, "'" + IMAGE_FIELD + "' is not base64: " + e.getMessage());
                }
                Path file = folder.resolve(i + ".png");
                Files.write(file, bytes);
                if (javax.imageio.ImageIO.read(file.toFile()) == null) {
                    throw new ApiError(400, field, "'" + IMAGE_FIELD + "' is not a PNG, JPEG or BMP image.");
                }
                files.add(file);
                names.add(Integer.toString(i));
            }
            return bundle.predictImages(files, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    /** Each row's label and class probabilities, or its predicted value (regression). */
    static List<Map<String, Object>> answer(Predictions predictions) {
        List<Map<String, Object>> answer = new ArrayList<>(predictions.size());
        for (int row = 0; row < predictions.size(); row++) {
            Map<String, Object> prediction = new LinkedHashMap<>();
            if (predictions.task() == TaskType.CLASSIFICATION) {
                prediction.put("label", predictions.labels()[row]);
                Map<String, Double> probabilities = new LinkedHashMap<>();
                for (int c = 0; c < predictions.classNames().size(); c++) {
                    probabilities.put(predictions.classNames().get(c), predictions.outputs()[row][c]);
                }
                prediction.put("probabilities", probabilities);
            } else {
                prediction.put("value", predictions.outputs()[row][0]);
            }
            answer.add(prediction);
        }
        return answer;
    }
}
