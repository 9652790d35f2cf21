package io.neuralworkbench.engine.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {

    @Test
    void aWriterThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("project.json");
        AtomicFiles.writeString(file, "old content");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(file).hasContent("old content");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWriterMayCloseItsStreamAsZipStreamsDo(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("bundle.zip");
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("a.txt"));
                zip.write("hello".getBytes());
            }
        });

        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            assertThat(new String(zip.getInputStream(zip.getEntry("a.txt")).readAllBytes())).isEqualTo("hello");
        }
    }

    @Test
    void theSavedFileGetsOrdinaryPermissionsNotThoseOfATemporaryFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("network.json");
        AtomicFiles.writeString(file, "{}");

        assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OWNER_READ,
                PosixFilePermission.GROUP_READ);
    }
}
