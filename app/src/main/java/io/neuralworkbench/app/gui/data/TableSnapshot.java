package io.neuralworkbench.app.gui.data;

import java.nio.file.Path;
import java.util.List;

import io.neuralworkbench.engine.data.ColumnProfile;
import io.neuralworkbench.engine.data.RawTable;

/**
 * What the data view shows of a table: the first rows and the column profiles.
 *
 * @param preview   the first rows (a bounded part of a large file)
 * @param table     the whole table, or null while only the preview is read
 * @param profiles  per-column type and statistics, of the whole table once {@code complete}, else of the preview
 * @param complete  whether the whole file has been read and profiled
 */
public record TableSnapshot(Path file, RawTable preview, RawTable table, List<ColumnProfile> profiles,
                            boolean complete) {
    public TableSnapshot {
        profiles = List.copyOf(profiles);
    }

    /** Rows the statistics are over. */
    public int profiledRows() {
        return table != null ? table.rowCount() : preview.rowCount();
    }

    public ColumnProfile profileOf(String column) {
        return profiles.stream().filter(p -> p.name().equals(column)).findFirst().orElse(null);
    }
}
