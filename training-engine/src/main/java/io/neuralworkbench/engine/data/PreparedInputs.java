package io.neuralworkbench.engine.data;

import java.util.List;
import java.util.Objects;

/**
 * A dataset of any kind (table, images, texts, a generated teaching set), imported, split three ways and
 * with its preprocessing fitted on the training split: everything training, evaluation and the bundle need.
 *
 * @param preprocessing what turns raw samples into network inputs; saved in the bundle
 * @param train         the training split
 * @param validation    the validation split (may be empty, never null)
 * @param test          the test split (may be empty, never null)
 * @param sourceName    what the data was read from, for provenance (a file or folder name)
 * @param fingerprint   a SHA-256 of the data as read (for a folder: of its files' names, sizes and contents)
 * @param notes         what was skipped, resized or warned about, one sentence each, for the user
 */
public record PreparedInputs(InputPreprocessing preprocessing, SampleSource train, SampleSource validation,
                             SampleSource test, String sourceName, String fingerprint, List<String> notes) {
    public PreparedInputs {
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        notes = List.copyOf(notes);
    }
}
