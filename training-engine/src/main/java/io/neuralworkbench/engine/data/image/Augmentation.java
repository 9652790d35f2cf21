package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.Shape;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Random changes to training images, so the network sees a slightly different picture of each sample in every
 * epoch: a horizontal flip (half of the time), a rotation, a shift and a zoom, each drawn uniformly up to its
 * maximum. Applied to the training split only. Pixels moved in from outside the image repeat its edge.
 *
 * @param horizontalFlip     mirror left–right half of the time (not for digits or text, whose meaning changes)
 * @param maxRotationDegrees largest rotation either way
 * @param maxShiftFraction   largest shift either way, as a fraction of the width (across) and height (down)
 * @param maxZoomFraction    largest zoom in or out, e.g. 0.1 for 90 %–110 %
 */
public record Augmentation(boolean horizontalFlip, double maxRotationDegrees, double maxShiftFraction,
                           double maxZoomFraction) {
    public static final Augmentation NONE = new Augmentation(false, 0, 0, 0);
    /** A moderate setting for photos: flips, ±10°, ±10 % shift, ±10 % zoom. */
    public static final Augmentation PHOTOS = new Augmentation(true, 10, 0.1, 0.1);

    public Augmentation {
        if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 180) || !(maxShiftFraction >= 0 && maxShiftFraction < 1)
                || !(maxZoomFraction >= 0 && maxZoomFraction < 1)) {
            throw new UserInputException("augmentation rotation " + maxRotationDegrees + "°, shift " + maxShiftFraction
                    + ", zoom " + maxZoomFraction + " do not work — use a rotation of 0–180 degrees and shift and"
                    + " zoom fractions from 0 up to (not including) 1, e.g. 10, 0.1, 0.1");
        }
    }

    public Augmentation withHorizontalFlip(boolean flip) {
        return new Augmentation(flip, maxRotationDegrees, maxShiftFraction, maxZoomFraction);
    }

    public Augmentation withMaxRotationDegrees(double degrees) {
        return new Augmentation(horizontalFlip, degrees, maxShiftFraction, maxZoomFraction);
    }

    public Augmentation withMaxShiftFraction(double fraction) {
        return new Augmentation(horizontalFlip, maxRotationDegrees, fraction, maxZoomFraction);
    }

    public Augmentation withMaxZoomFraction(double fraction) {
        return new Augmentation(horizontalFlip, maxRotationDegrees, maxShiftFraction, fraction);
    }

    public boolean enabled() {
        return horizontalFlip || maxRotationDegrees > 0 || maxShiftFraction > 0 || maxZoomFraction > 0;
    }

    /** E.g. "horizontal flip, rotation up to ±10°, shift up to ±10 %, zoom up to ±10 %". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (horizontalFlip) {
            parts.add("horizontal flip");
        }
        if (maxRotationDegrees > 0) {
            parts.add("rotation up to ±" + number(maxRotationDegrees) + "°");
        }
        if (maxShiftFraction > 0) {
            parts.add("shift up to ±" + number(100 * maxShiftFraction) + " %");
        }
        if (maxZoomFraction > 0) {
            parts.add("zoom up to ±" + number(100 * maxZoomFraction) + " %");
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** 15 rather than 15.0, 12.5 as it is. */
    private static String number(double value) {
        return new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /**
     * A changed copy of one flat feature row (channel after channel, row after row). The change depends on
     * {@code sampleSeed} alone, so the same seed always gives the same picture.
     */
    public float[] apply(float[] row, Shape.Image shape, long sampleSeed) {
        SplittableRandom random = new SplittableRandom(sampleSeed);
        // Every number is drawn whatever is enabled, so switching one change on does not alter the others.
        boolean flip = random.nextBoolean() && horizontalFlip;
        double angle = Math.toRadians(symmetric(random, maxRotationDegrees));
        double shiftX = symmetric(random, maxShiftFraction) * shape.width();
        double shiftY = symmetric(random, maxShiftFraction) * shape.height();
        double zoom = 1 + symmetric(random, maxZoomFraction);
        return transform(row, shape, flip, angle, shiftX, shiftY, zoom);
    }

    private static double symmetric(SplittableRandom random, double max) {
        double unit = random.nextDouble() * 2 - 1;
        return unit * max;
    }

    /**
     * Each output pixel looks up where it came from (the inverse of flip, then rotation and zoom about the
     * centre, then shift) and interpolates bilinearly there.
     */
    private static float[] transform(float[] row, Shape.Image shape, boolean flip, double angle, double shiftX,
                                     double shiftY, double zoom) {
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        float[] out = new float[row.length];
        double centreX = (w - 1) / 2.0;
        double centreY = (h - 1) / 2.0;
        double cos = Math.cos(angle) / zoom;
        double sin = Math.sin(angle) / zoom;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - centreX - shiftX;
                double dy = y - centreY - shiftY;
                double sx = cos * dx + sin * dy + centreX;
                double sy = -sin * dx + cos * dy + centreY;
                if (flip) {
                    sx = w - 1 - sx;
                }
                sx = Math.min(Math.max(sx, 0), w - 1);
                sy = Math.min(Math.max(sy, 0), h - 1);
                int x0 = (int) sx;
                int y0 = (int) sy;
                int x1 = Math.min(x0 + 1, w - 1);
                int y1 = Math.min(y0 + 1, h - 1);
                double fx = sx - x0;
                double fy = sy - y0;
                for (int c = 0; c < shape.channels(); c++) {
                    int base = c * plane;
                    double top = row[base + y0 * w + x0] * (1 - fx) + row[base + y0 * w + x1] * fx;
                    double bottom = row[base + y1 * w + x0] * (1 - fx) + row[base + y1 * w + x1] * fx;
                    out[base + y * w + x] = (float) (top * (1 - fy) + bottom * fy);
                }
            }
        }
        return out;
    }
}
