package io.neuralworkbench.engine.export;

import io.neuralworkbench.engine.UserInputException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** The entries of a bundle file and their sizes, to show what a bundle holds without loading its model. */
public final class BundleContents {

    /** One zip entry; {@code compressedSize} is what it takes in the file. */
    public record Entry(String name, long size, long compressedSize) {
    }

    private BundleContents() {
    }

    /** @throws UserInputException if the file is missing or not a zip file */
    public static List<Entry> entries(Path bundleFile) {
        try (ZipFile zip = new ZipFile(bundleFile.toFile())) {
            return Collections.list(zip.entries()).stream()
                    .filter(entry -> !entry.isDirectory())
                    .map(entry -> new Entry(entry.getName(), entry.getSize(), compressedSize(entry)))
                    .toList();
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new UserInputException("The model bundle " + bundleFile + " does not exist.");
        } catch (ZipException e) {
            throw new UserInputException(bundleFile + " is not a Neural Workbench model bundle: it is not a zip file."
                    + " Choose a .zip written by 'workbench train' or the Export view.");
        } catch (IOException e) {
            throw new UserInputException("Could not read the model bundle " + bundleFile + ": " + e.getMessage(), e);
        }
    }

    private static long compressedSize(ZipEntry entry) {
        return Math.max(entry.getCompressedSize(), 0);
    }
}
