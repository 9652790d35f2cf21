package io.neuralworkbench.app.samples;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.image.ImageOptions;
import io.neuralworkbench.engine.data.text.TextOptions;
import io.neuralworkbench.engine.network.Templates;
import io.neuralworkbench.engine.project.Project;
import io.neuralworkbench.engine.project.ProjectData;
import io.neuralworkbench.engine.project.ProjectFiles;
import io.neuralworkbench.engine.training.TrainingConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;

/**
 * The sample projects shipped in the resources module, for the welcome screen and first runs: each is written
 * out as a project file beside a copy of its data, so it opens, trains and saves like a project of the user's.
 */
public enum SampleProject {
    IRIS("iris", "Iris flowers", "An MLP classifies three species from four measurements: the classic first table.",
            List.of("iris.csv"),
            folder -> Project.newFor(folder.resolve("iris.csv"), "species")
                    .withTraining(TrainingConfig.defaults().withEpochs(50).withLearningRate(0.01))),
    MNIST("mnist-lenet", "Handwritten digits",
            "LeNet learns to read digits from 2,000 MNIST images (500 more to test).",
            List.of("mnist-small/train-images-idx3-ubyte.gz", "mnist-small/train-labels-idx1-ubyte.gz",
                    "mnist-small/t10k-images-idx3-ubyte.gz", "mnist-small/t10k-labels-idx1-ubyte.gz"),
            folder -> new Project("mnist-lenet", ProjectData.images(folder.resolve("mnist-small"),
                    ImageOptions.defaults()), Templates.lenet(28, 28, 1, 10),
                    TrainingConfig.defaults().withEpochs(3).withBatchSize(64), List.of())),
    SMS_SPAM("sms-spam", "Spam or not",
            "A text classifier learns word vectors from 2,000 SMS messages and flags the spam.",
            List.of("sms-spam-small.tsv"),
            folder -> new Project("sms-spam", ProjectData.texts(folder.resolve("sms-spam-small.tsv"), "SMS", "Label",
                    TextOptions.defaults()), null,
                    TrainingConfig.defaults().withEpochs(8).withLearningRate(0.005), List.of()));

    private static final String RESOURCE_FOLDER = "/io/neuralworkbench/resources/samples/";

    private final String id;
    private final String title;
    private final String description;
    private final List<String> dataFiles;
    private final Function<Path, Project> project;

    SampleProject(String id, String title, String description, List<String> dataFiles,
                  Function<Path, Project> project) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.dataFiles = dataFiles;
        this.project = project;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** @throws UserInputException for an unknown id, listing the samples */
    public static SampleProject withId(String id) {
        for (SampleProject sample : values()) {
            if (sample.id.equals(id)) {
                return sample;
            }
        }
        throw new UserInputException("There is no sample project \"" + id + "\" — choose one of "
                + String.join(", ", List.of(values()).stream().map(SampleProject::id).toList()) + ".");
    }

    /**
     * Writes the sample's data and its project file into {@code folder} (created if needed; files already there
     * are replaced) and returns the project file.
     */
    public Path extractTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String dataFile : dataFiles) {
            Path target = folder.resolve(dataFile);
            Files.createDirectories(target.getParent());
            try (InputStream in = SampleProject.class.getResourceAsStream(RESOURCE_FOLDER + dataFile)) {
                if (in == null) {
                    throw new UserInputException("The sample data " + dataFile + " is missing from this installation"
                            + " — reinstall the workbench or open a dataset of your own.");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path projectFile = folder.resolve(id + Project.FILE_EXTENSION);
        ProjectFiles.write(project.apply(folder.toAbsolutePath()), projectFile);
        return projectFile;
    }
}
