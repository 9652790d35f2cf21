package io.neuralworkbench.engine.data;

/** {@code scaled = (value - offset) / scale}, fitted on training values. */
public record LinearScaling(double offset, double scale) {
    public static final LinearScaling IDENTITY = new LinearScaling(0, 1);

    public LinearScaling {
        if (!(scale > 0) || !Double.isFinite(offset) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("offset " + offset + " and scale " + scale + " do not scale");
        }
    }

    /** The fit for a scaling choice. A constant column gets scale 1, so it maps to 0 instead of NaN. */
    static LinearScaling fit(Scaling scaling, double[] values) {
        return switch (scaling) {
            case NONE -> IDENTITY;
            case STANDARDIZE -> of(Stats.mean(values), Stats.std(values));
            case MIN_MAX -> {
                double min = Stats.min(values);
                yield of(min, Stats.max(values) - min);
            }
        };
    }

    private static LinearScaling of(double offset, double spread) {
        return new LinearScaling(offset, spread > 0 ? spread : 1);
    }

    public double apply(double value) {
        return (value - offset) / scale;
    }

    public double invert(double scaled) {
        return scaled * scale + offset;
    }
}
