package io.neuralworkbench.engine.bundle;


/**
 * How a trained model was made, fixed when it is written (after Tribuo's provenance objects): enough to
 * reproduce the run or to tell two models apart.
 *
 * @param datasetFile   the training data's file name (not its full path, which is private to the machine)
 * @param datasetSha256 hash of the training data file's bytes
 * @param createdAt     when the bundle was written, ISO-8601 UTC
 */
public record Provenance(String appVersion, String backendId, long seed, String datasetFile, String datasetSha256,
                         int trainingRows, int validationRows, int testRows, int epochsTrained,
                         String javaVersion, String os, String createdAt) {
}
