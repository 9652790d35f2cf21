package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.UserInputException;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads MNIST's IDX files ({@code *-idx3-ubyte} images, {@code *-idx1-ubyte} labels, plain or gzipped) from
 * the user's own files; nothing is downloaded. Every way a file can be wrong is reported as a
 * {@link UserInputException} naming the file, the problem and what to do.
 */
public final class IdxReader {
    /** IDX type code of unsigned bytes, the only element type MNIST-style files use. */
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int GZIP_MAGIC_FIRST = 0x1f;
    private static final int GZIP_MAGIC_SECOND = 0x8b;

    private IdxReader() {
    }

    /**
     * Grayscale images, one byte per pixel (0 = black … 255 = white), image after image, row after row.
     *
     * @param sha256 of the file's bytes as stored (compressed or not)
     */
    public record IdxImages(Path file, int count, int rows, int columns, byte[] pixels, String sha256) {
        public int pixelsPerImage() {
            return rows * columns;
        }
    }

    /** @param sha256 of the file's bytes as stored */
    public record IdxLabels(Path file, int[] labels, String sha256) {
        public int count() {
            return labels.length;
        }

        /** The largest label plus one: the number of classes the labels can name. */
        public int classCount() {
            int max = -1;
            for (int label : labels) {
                max = Math.max(max, label);
            }
            return max + 1;
        }
    }

    /** An images file and its labels file, checked to describe the same number of samples. */
    public record IdxPair(IdxImages images, IdxLabels labels) {
    }

    public static IdxPair readPair(Path imagesFile, Path labelsFile) {
        IdxImages images = readImages(imagesFile);
        IdxLabels labels = readLabels(labelsFile);
        if (images.count() != labels.count()) {
            throw new UserInputException(imagesFile.getFileName() + " holds " + images.count() + " images but "
                    + labelsFile.getFileName() + " holds " + labels.count() + " labels — use the labels file that"
                    + " belongs to these images (e.g. train-images with train-labels, t10k-images with t10k-labels)");
        }
        return new IdxPair(images, labels);
    }

    /** Reads an {@code idx3-ubyte} file: count × rows × columns unsigned bytes. */
    public static IdxImages readImages(Path file) {
        Contents contents = contents(file);
        ByteBuffer data = header(file, contents.bytes(), 3, "images (idx3-ubyte)");
        int count = data.getInt();
        int rows = data.getInt();
        int columns = data.getInt();
        if (count < 0 || rows <= 0 || columns <= 0) {
            throw new UserInputException(file.getFileName() + " announces " + count + " images of " + rows + "×"
                    + columns + " pixels, which cannot be — the header is damaged; get the file again");
        }
        long expected = (long) count * rows * columns;
        checkLength(file, data.remaining(), expected, count + " images of " + rows + "×" + columns + " pixels");
        byte[] pixels = new byte[(int) expected];
        data.get(pixels);
        return new IdxImages(file, count, rows, columns, pixels, contents.sha256());
    }

    /** Reads an {@code idx1-ubyte} file: one unsigned byte per label. */
    public static IdxLabels readLabels(Path file) {
        Contents contents = contents(file);
        ByteBuffer data = header(file, contents.bytes(), 1, "labels (idx1-ubyte)");
        int count = data.getInt();
        if (count < 0) {
            throw new UserInputException(file.getFileName() + " announces " + count
                    + " labels, which cannot be — the header is damaged; get the file again");
        }
        checkLength(file, data.remaining(), count, count + " labels");
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = Byte.toUnsignedInt(data.get());
        }
        return new IdxLabels(file, labels, contents.sha256());
    }

    /**
     * Checks the magic number: two zero bytes, the element type, the number of dimensions; leaves the buffer at
     * the first dimension size.
     */
    private static ByteBuffer header(Path file, byte[] bytes, int dimensions, String expectedKind) {
        String name = file.getFileName().toString();
        if (bytes.length < 4) {
            throw tooShort(name, bytes.length);
        }
        ByteBuffer data = ByteBuffer.wrap(bytes);
        int zeros = data.getShort();
        int type = Byte.toUnsignedInt(data.get());
        int actualDimensions = Byte.toUnsignedInt(data.get());
        if (zeros != 0) {
            throw new UserInputException(name + " is not an IDX file (it does not start with an IDX magic number)"
                    + " — pass MNIST-style " + expectedKind + " files");
        }
        if (type != UNSIGNED_BYTE) {
            throw new UserInputException(name + " holds IDX values of type 0x" + Integer.toHexString(type)
                    + ", but only unsigned bytes (0x08) are supported — pass MNIST-style " + expectedKind + " files");
        }
        if (actualDimensions != dimensions) {
            throw new UserInputException(name + " has " + actualDimensions + " dimensions where " + expectedKind
                    + " have " + dimensions + " — check that images and labels were not swapped");
        }
        if (bytes.length < 4 + 4 * dimensions) {
            throw tooShort(name, bytes.length);
        }
        return data;
    }

    private static UserInputException tooShort(String name, int length) {
        return new UserInputException(name + " is too short for an IDX header (" + length + " bytes) — the file is"
                + " empty or cut short; get it again");
    }

    private static void checkLength(Path file, int available, long expected, String announced) {
        if (available < expected) {
            throw new UserInputException(file.getFileName() + " is truncated: its header announces " + announced
                    + " (" + expected + " bytes) but only " + available + " bytes follow — the file was cut short;"
                    + " get it again");
        }
        if (available > expected) {
            throw new UserInputException(file.getFileName() + " has " + (available - expected) + " bytes more than"
                    + " its header announces (" + announced + ") — it is damaged or not an IDX file; get it again");
        }
    }

    private record Contents(byte[] bytes, String sha256) {
    }

    /** The file's bytes, un-gzipped when the file is gzipped (whatever its name), and the SHA-256 as stored. */
    private static Contents contents(Path file) {
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + " does not exist — check the path of the IDX file", e);
        } catch (IOException e) {
            throw new UserInputException("Could not read " + file + ": " + e.getMessage()
                    + " — check that the file is readable", e);
        }
        String sha256 = sha256(stored);
        boolean gzipped = stored.length >= 2 && Byte.toUnsignedInt(stored[0]) == GZIP_MAGIC_FIRST
                && Byte.toUnsignedInt(stored[1]) == GZIP_MAGIC_SECOND;
        if (!gzipped) {
            return new Contents(stored, sha256);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return new Contents(in.readAllBytes(), sha256);
        } catch (EOFException e) {
            throw new UserInputException(file.getFileName() + " is a truncated gzip file (it ends before the"
                    + " compressed data does) — the download or copy was cut short; get it again", e);
        } catch (ZipException e) {
            throw new UserInputException(file.getFileName() + " is a damaged gzip file (" + e.getMessage()
                    + ") — get it again", e);
        } catch (IOException e) {
            throw new UserInputException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
