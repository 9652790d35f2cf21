package io.neuralworkbench.app.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

import io.neuralworkbench.engine.bundle.ModelBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bundle file served under a name. Predictions take turns (a trained network is not safe to call from two
 * threads at once); a changed file is loaded in full beside the old model and swapped in only once it reads.
 */
final class ServedModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServedModel.class);

    private final String name;
    private final Path file;
    private ModelBundle bundle;
    private Instant loadedAt;
    private String fileStamp;

    ServedModel(String name, Path file) {
        this.name = Objects.requireNonNull(name, "name");
        this.file = file.toAbsolutePath();
        this.fileStamp = stampOf(this.file);
        this.bundle = ModelBundle.read(this.file);
        this.loadedAt = Instant.now();
    }

    String name() {
        return name;
    }

    Path file() {
        return file;
    }

    synchronized Instant loadedAt() {
        return loadedAt;
    }

    /** Runs {@code work} with the model; other requests for this model wait meanwhile. */
    synchronized <T> T use(Function<ModelBundle, T> work) {
        return work.apply(bundle);
    }

    /**
     * Loads the file again when it changed since it was read. A file that does not read (half copied, corrupt)
     * leaves the served model as it was and is tried again when it changes next.
     *
     * @return whether a new model is now served
     */
    boolean reloadIfChanged() {
        String stamp = stampOf(file);
        synchronized (this) {
            if (stamp == null || stamp.equals(fileStamp)) {
                return false;
            }
            fileStamp = stamp;
        }
        ModelBundle fresh;
        try {
            fresh = ModelBundle.read(file);
        } catch (RuntimeException e) {
            LOG.warn("Model '{}': {} changed but does not read ({}); still serving the model loaded at {}", name, file,
                    e.getMessage(), loadedAt());
            return false;
        }
        ModelBundle old;
        synchronized (this) {
            old = bundle;
            bundle = fresh;
            loadedAt = Instant.now();
        }
        old.close();
        LOG.info("Model '{}': reloaded {} (changed on disk)", name, file);
        return true;
    }

    private static String stampOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.lastModifiedTime().toMillis() + ":" + attributes.size() + ":" + attributes.fileKey();
        } catch (IOException e) {
            return null; // gone for a moment, e.g. while it is replaced
        }
    }

    @Override
    public synchronized void close() {
        bundle.close();
    }
}
