package io.neuralworkbench.designer.model;

import java.util.Locale;

/**
 * The totals of the summary bar.
 *
 * @param weightBytes     32-bit floats for all parameters
 * @param activationBytes 32-bit floats for every node's output over one batch of {@code batchSize} samples
 * @param multiplyAdds    per sample, forward pass
 */
public record NetworkSummary(long parameters, long weightBytes, long activationBytes, int batchSize,
                             long multiplyAdds, int errors, int warnings) {

    public long memoryBytes() {
        return weightBytes + activationBytes;
    }

    /** One line, e.g. "431,080 parameters · 2.1 MB at batch 32 · 2.3 M multiply-adds per sample · valid". */
    public String describe() {
        String status = errors > 0 ? errors + (errors == 1 ? " error" : " errors")
                : warnings > 0 ? "valid, " + warnings + (warnings == 1 ? " warning" : " warnings") : "valid";
        return String.format(Locale.ROOT, "%,d parameters · %s memory at batch %d · %s multiply-adds per sample · %s",
                parameters, bytes(memoryBytes()), batchSize, count(multiplyAdds), status);
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String count(long count) {
        if (count < 10_000) {
            return String.valueOf(count);
        }
        if (count < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f K", count / 1e3);
        }
        if (count < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f M", count / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f G", count / 1e9);
    }
}
