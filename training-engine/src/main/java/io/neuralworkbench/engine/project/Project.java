package io.neuralworkbench.engine.project;

import io.neuralworkbench.engine.data.PreprocessingSpec;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.training.TrainingConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a user set up for one dataset, so that {@code workbench train PROJECT} and the GUI can replay it: the
 * data and its preprocessing, the network, the training settings, and the runs so far. Immutable; the
 * {@code with...} methods return changed copies. Read and written by {@link ProjectFiles}.
 *
 * @param network the network to train, or null for the template that suits the data
 * @param runs    oldest first
 * @param layout  where the designer draws each node, by node name, in the order given; empty when the network
 *                was never arranged (it is then laid out automatically). Names of nodes the network no longer
 *                has are allowed and ignored.
 * @param blocks  the designer's blocks (folded groups of nodes); empty when there are none
 */
public record Project(String name, ProjectData data, NetworkDescription network, TrainingConfig training,
                      List<Run> runs, Map<String, NodePosition> layout, List<NodeBlock> blocks) {
    /** The file format version this code writes. */
    public static final int FORMAT_VERSION = 1;
    public static final String FILE_EXTENSION = ".nwproj";

    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(training, "training");
        runs = List.copyOf(runs);
        layout = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(layout, "layout")));
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /** A project without designer blocks. */
    public Project(String name, ProjectData data, NetworkDescription network, TrainingConfig training,
                   List<Run> runs, Map<String, NodePosition> layout) {
        this(name, data, network, training, runs, layout, List.of());
    }

    /** A project whose network has not been arranged in the designer. */
    public Project(String name, ProjectData data, NetworkDescription network, TrainingConfig training,
                   List<Run> runs) {
        this(name, data, network, training, runs, Map.of());
    }

    /**
     * A project on {@code dataFile} with the default preprocessing and training settings and the template
     * network, named after the file ("iris.csv" gives "iris").
     */
    public static Project newFor(Path dataFile, String targetColumn) {
        return new Project(nameOf(dataFile), new ProjectData(dataFile, PreprocessingSpec.forTarget(targetColumn)),
                null, TrainingConfig.defaults(), List.of());
    }

    /** The data file, absolute. */
    public Path dataFile() {
        return data.file();
    }

    public Project withName(String newName) {
        return new Project(newName, data, network, training, runs, layout, blocks);
    }

    public Project withData(ProjectData newData) {
        return new Project(name, newData, network, training, runs, layout, blocks);
    }

    public Project withSpec(PreprocessingSpec newSpec) {
        return withData(new ProjectData(data.file(), newSpec, data.textColumn(), data.textOptions(), data.imageOptions()));
    }

    /** @param newNetwork the network, or null for the template that suits the data; the layout is kept */
    public Project withNetwork(NetworkDescription newNetwork) {
        return new Project(name, data, newNetwork, training, runs, layout, blocks);
    }

    /** @param newLayout node positions by node name; empty to have the designer lay the network out */
    public Project withLayout(Map<String, NodePosition> newLayout) {
        return new Project(name, data, network, training, runs, newLayout, blocks);
    }

    public Project withBlocks(List<NodeBlock> newBlocks) {
        return new Project(name, data, network, training, runs, layout, newBlocks);
    }

    public Project withTraining(TrainingConfig newTraining) {
        return new Project(name, data, network, newTraining, runs, layout, blocks);
    }

    /** Adds the run to the history, or replaces the run with the same id in its place (a run updated later). */
    public Project withRun(Run run) {
        List<Run> newRuns = new ArrayList<>(runs);
        int existing = indexOfRun(run.id());
        if (existing >= 0) {
            newRuns.set(existing, run);
        } else {
            newRuns.add(run);
        }
        return new Project(name, data, network, training, newRuns, layout, blocks);
    }

    /** An id no run of this project has yet: "run-1", "run-2", ... */
    public String nextRunId() {
        int number = runs.size() + 1;
        while (indexOfRun("run-" + number) >= 0) {
            number++;
        }
        return "run-" + number;
    }

    private int indexOfRun(String id) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
