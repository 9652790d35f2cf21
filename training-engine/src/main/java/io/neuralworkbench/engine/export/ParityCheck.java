package io.neuralworkbench.engine.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.neuralworkbench.engine.bundle.ModelBundle;
import io.neuralworkbench.engine.training.BackendData;
import io.neuralworkbench.engine.training.TrainableModel;
import io.neuralworkbench.engine.util.Json;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a just-written bundle back from disk and checks that it predicts what the bundle in memory predicts,
 * on the same inputs, within {@link #TOLERANCE}; and that it carries the same network and preprocessing.
 * Catches a model file that loses weights or settings before anyone relies on the export.
 */
public final class ParityCheck {
    /** Largest difference allowed between two outputs; equal files give 0. */
    public static final double TOLERANCE = 1e-6;

    /**
     * What the check found.
     *
     * @param samples       how many inputs were predicted
     * @param maxDifference the largest difference between two outputs
     * @param description   what the inputs were
     */
    public record Result(int samples, double maxDifference, String description) {
        public String summary() {
            return String.format(Locale.ROOT, "The written bundle predicts what the model in memory predicts on %s"
                    + " (largest difference %.1e).", description, maxDifference);
        }
    }

    private ParityCheck() {
    }

    /**
     * @throws ParityMismatchException if the file's network, preprocessing or predictions differ
     * @throws io.neuralworkbench.engine.UserInputException if the file cannot be read as a bundle
     */
    public static Result verify(ModelBundle inMemory, Path writtenFile, ParitySample sample) {
        try (ModelBundle reloaded = ModelBundle.read(writtenFile)) {
            if (!reloaded.network().equals(inMemory.network())) {
                throw mismatch("its network description differs from the model's");
            }
            if (!json(reloaded.preprocessing()).equals(json(inMemory.preprocessing()))) {
                throw mismatch("its preprocessing differs from the model's");
            }
            float[][] expected = predict(inMemory.model(), sample);
            float[][] actual = predict(reloaded.model(), sample);
            double largest = 0;
            for (int row = 0; row < expected.length; row++) {
                if (expected[row].length != actual[row].length) {
                    throw mismatch("it gives " + actual[row].length + " outputs per sample instead of "
                            + expected[row].length);
                }
                for (int k = 0; k < expected[row].length; k++) {
                    double difference = Math.abs((double) expected[row][k] - actual[row][k]);
                    // NaN != NaN, so a NaN on one side only counts as a mismatch.
                    if (Double.isNaN(difference) && !(Float.isNaN(expected[row][k]) && Float.isNaN(actual[row][k]))) {
                        difference = Double.POSITIVE_INFINITY;
                    }
                    if (difference > largest) {
                        largest = difference;
                    }
                    if (difference > TOLERANCE) {
                        throw mismatch(String.format(Locale.ROOT, "on %s, sample %d, output %d is %s"
                                        + " instead of %s (allowed difference %.0e)", sample.description(), row + 1,
                                k + 1, actual[row][k], expected[row][k], TOLERANCE));
                    }
                }
            }
            return new Result(expected.length, largest, sample.description());
        }
    }

    private static float[][] predict(TrainableModel model, ParitySample sample) {
        try (BackendData data = model.upload(sample.inputs())) {
            return model.predict(data);
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static ParityMismatchException mismatch(String what) {
        return new ParityMismatchException("The export was stopped: the bundle read back from disk does not"
                + " reproduce the model, " + what + ". Nothing was exported. Export again; if it happens again,"
                + " keep the model and report it as a bug.");
    }
}
