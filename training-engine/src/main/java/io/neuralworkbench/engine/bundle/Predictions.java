package io.neuralworkbench.engine.bundle;

import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.util.AtomicFiles;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A model's predictions for a list of samples (table rows, texts, image files). Classification: the predicted
 * label and every class's probability; regression: the predicted values in the target's units.
 *
 * @param idHeader    what identifies a sample in the input: "line" (a file's line) or "file" (an image file)
 * @param sampleIds   the line number or file name of each sample, so predictions can be matched to the input
 * @param labels      predicted class per row (classification) or null
 * @param outputs     class probabilities (classification) or target values (regression), per row
 */
public record Predictions(TaskType task, String targetColumn, List<String> classNames, String idHeader,
                          List<String> sampleIds,
                          String[] labels, double[][] outputs) {

    public int size() {
        return outputs.length;
    }

    public Predictions {
        classNames = List.copyOf(classNames);
        sampleIds = List.copyOf(sampleIds);
        if (sampleIds.size() != outputs.length) {
            throw new IllegalArgumentException(sampleIds.size() + " sample ids for " + outputs.length + " outputs");
        }
    }

    /** Writes {@code <idHeader>,prediction[,probability_<class>...]} as UTF-8 CSV, atomically. */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            StringBuilder header = new StringBuilder(csv(idHeader)).append(',').append(csv("predicted_" + targetColumn));
            if (task == TaskType.CLASSIFICATION) {
                classNames.forEach(c -> header.append(',').append(csv("probability_" + c)));
            }
            writer.println(header);
            for (int row = 0; row < size(); row++) {
                StringBuilder line = new StringBuilder(csv(sampleIds.get(row))).append(',');
                if (task == TaskType.CLASSIFICATION) {
                    line.append(csv(labels[row]));
                    for (double p : outputs[row]) {
                        line.append(',').append(String.format(Locale.ROOT, "%.6f", p));
                    }
                } else {
                    line.append(String.format(Locale.ROOT, "%.6g", outputs[row][0]));
                }
                writer.println(line);
            }
            writer.flush();
        });
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
