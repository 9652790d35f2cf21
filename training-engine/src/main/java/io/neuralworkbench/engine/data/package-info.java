/**
 * Tabular data: from a CSV or TSV file to datasets ready for training, and the same transformation replayed
 * at prediction time.
 *
 * <pre>{@code
 * RawTable table = CsvImporter.read(path);                       // format detected, cells as text
 * List<ColumnProfile> profiles = ColumnProfiler.profile(table);  // inferred types and statistics, for the UI
 * PreprocessingSpec spec = PreprocessingSpec.forTarget("survived")
 *         .withDroppedColumns(List.of("alive"));                 // stored in the project as JSON
 * PreparedData data = DataPreparer.prepare(table, spec);
 * ArrayDataset train = data.train(), validation = data.validation(), test = data.test();
 * FittedPreprocessing fitted = data.preprocessing();             // saved with the model as JSON
 *
 * float[][] x = fitted.transformFeatures(CsvImporter.read(newRows)); // prediction: no target needed
 * float[] one = fitted.transformRow(Map.of("sex", "female", "age", "29"));
 * }</pre>
 *
 * Every problem with the user's file or choices is a {@link io.neuralworkbench.engine.UserInputException}
 * whose one-line message says what is wrong, where, and what to do.
 */
package io.neuralworkbench.engine.data;
