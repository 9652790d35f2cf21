package io.neuralworkbench.app.gui.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.neuralworkbench.engine.data.DataKind;
import io.neuralworkbench.engine.data.image.ImageDatasetSummary;

/**
 * What the data view shows of an image set: the classes with their image counts, a few thumbnails per class,
 * and once computed the summary (input shape, splits, memory) under the project's image options.
 *
 * @param classCounts images per class in the whole set (training and test folders or files together)
 * @param thumbnails  per class, the thumbnails read so far (at most {@link ImageSetReader#THUMBNAILS_PER_CLASS})
 * @param summary     null until computed for the current options
 * @param notes       warnings about the files (skipped files, images of different sizes)
 */
public record ImageSetSnapshot(Path file, DataKind kind, List<String> classNames, List<Integer> classCounts,
                               List<List<Thumbnail>> thumbnails, ImageDatasetSummary summary, List<String> notes) {
    public ImageSetSnapshot {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        classNames = List.copyOf(classNames);
        classCounts = List.copyOf(classCounts);
        thumbnails = thumbnails.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }

    public int imageCount() {
        return classCounts.stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether every class has its thumbnails and the summary is known. */
    public boolean complete() {
        return summary != null && thumbnails.size() == classNames.size();
    }

    ImageSetSnapshot withThumbnails(List<List<Thumbnail>> newThumbnails) {
        return new ImageSetSnapshot(file, kind, classNames, classCounts, newThumbnails, summary, notes);
    }

    ImageSetSnapshot withSummary(ImageDatasetSummary newSummary) {
        return new ImageSetSnapshot(file, kind, classNames, classCounts, thumbnails, newSummary, notes);
    }

    ImageSetSnapshot plusThumbnails(List<Thumbnail> ofNextClass) {
        List<List<Thumbnail>> grown = new ArrayList<>(thumbnails);
        grown.add(ofNextClass);
        return withThumbnails(grown);
    }
}
