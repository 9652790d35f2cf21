/**
 * The project file ({@code .nwproj}): what a user set up for one dataset (a table, texts or images), replayed
 * by {@code workbench train} and the GUI.
 *
 * <pre>{@code
 * Path file = Path.of("iris.nwproj");
 * Project project = Project.newFor(Path.of("iris.csv"), "species")   // defaults, template network
 *         .withTraining(TrainingConfig.defaults().withEpochs(50));
 * ProjectFiles.write(project, file);                                  // atomic; paths in its folder relative
 *
 * Project loaded = ProjectFiles.read(file);                           // UserInputException: what and where
 * Instant startedAt = Instant.now();
 * TrainingResult result = ProjectTraining.prepare(loaded, TrainingBackends.defaultBackend())
 *         .newSession(null).run();
 * ProjectFiles.write(loaded.withRun(Run.of(loaded.nextRunId(), startedAt, result, null, null)), file);
 * }</pre>
 */
package io.neuralworkbench.engine.project;
