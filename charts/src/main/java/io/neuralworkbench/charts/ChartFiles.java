package io.neuralworkbench.charts;

import io.neuralworkbench.engine.util.AtomicFiles;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/** Image and table files written from charts, atomically (the engine's {@link AtomicFiles}). */
final class ChartFiles {

    private ChartFiles() {
    }

    /** A writer of text content. */
    interface TextBody {
        void writeTo(Writer writer) throws IOException;
    }

    static void writePng(Image image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out)) {
                throw new IOException("no PNG writer available in this Java runtime");
            }
        });
    }

    /** Writes UTF-8 text through {@code body}. */
    static void writeText(Path file, TextBody body) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.writeTo(writer);
            writer.flush();
        });
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
