package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.InputPreprocessing;
import io.neuralworkbench.engine.data.TaskType;
import io.neuralworkbench.engine.network.Shape;

import javax.imageio.ImageIO;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns an image into the flat feature row a network with input {@code Shape.Image(height, width, channels)}
 * receives, the same for training and prediction. The row is channel after channel, each channel row after row
 * ({@code index = c·height·width + y·width + x}): the order DL4J's {@code InputType.convolutionalFlat} and the
 * PyTorch backend's reshape to [batch, channels, height, width] both read.
 * <p>
 * Images are resized (bilinear) to height × width, converted to gray (ITU-R BT.601 luma) or to RGB, and scaled
 * as {@link #scaling} says. Gray images keep their stored levels: they are not passed through a colour space
 * conversion, so an MNIST PNG gives the same row as the same digit read from an IDX file.
 *
 * @param channelMeans per channel, fitted on the training split, for {@link PixelScaling#STANDARDIZE}; else empty
 * @param channelStds  per channel, likewise
 * @param classNames   the classes in one-hot order
 */
public record ImagePreprocessing(int height, int width, int channels, PixelScaling scaling,
                                 List<Double> channelMeans, List<Double> channelStds,
                                 List<String> classNames) implements InputPreprocessing {
    private static final float MAX_LEVEL = 255f;

    public ImagePreprocessing {
        Objects.requireNonNull(scaling, "scaling");
        channelMeans = channelMeans == null ? List.of() : List.copyOf(channelMeans);
        channelStds = channelStds == null ? List.of() : List.copyOf(channelStds);
        classNames = List.copyOf(classNames);
        if (height <= 0 || width <= 0) {
            throw new UserInputException("an image size of " + height + "×" + width
                    + " pixels does not work — choose a height and width of at least 1");
        }
        if (channels != 1 && channels != 3) {
            throw new UserInputException(channels + " channels are not supported — choose 1 (grayscale) or 3 (RGB)");
        }
        int fitted = scaling == PixelScaling.STANDARDIZE ? channels : 0;
        if (channelMeans.size() != fitted || channelStds.size() != fitted) {
            throw new IllegalArgumentException(scaling + " needs " + fitted + " channel means and deviations, not "
                    + channelMeans.size() + " and " + channelStds.size());
        }
    }

    /** Scaling to [0, 1], which needs nothing fitted. */
    public static ImagePreprocessing unitRange(int height, int width, int channels, List<String> classNames) {
        return new ImagePreprocessing(height, width, channels, PixelScaling.UNIT_RANGE, List.of(), List.of(), classNames);
    }

    /** Standardization with the given statistics of [0, 1]-scaled training pixels, per channel. */
    public ImagePreprocessing standardized(double[] means, double[] stds) {
        return new ImagePreprocessing(height, width, channels, PixelScaling.STANDARDIZE,
                Arrays.stream(means).boxed().toList(), Arrays.stream(stds).boxed().toList(),
                classNames);
    }

    /** The same conversion without the fitted standardization: rows in [0, 1], what statistics are fitted on. */
    ImagePreprocessing toUnitRange() {
        return unitRange(height, width, channels, classNames);
    }

    @Override
    public TaskType task() {
        return TaskType.CLASSIFICATION;
    }

    @Override
    public int featureCount() {
        return height * width * channels;
    }

    @Override
    public Shape inputShape() {
        return new Shape.Image(height, width, channels);
    }

    @Override
    public String targetName() {
        return "label";
    }

    /**
     * Reads an image file (PNG, JPEG, BMP, GIF: whatever ImageIO reads) into a feature row.
     *
     * @throws UserInputException if the file cannot be read or is not an image
     */
    public float[] transform(Path imageFile) {
        return transform(readImage(imageFile));
    }

    public float[] transform(BufferedImage image) {
        return transformPlanes(levels(image), image.getHeight(), image.getWidth(), isGray(image) ? 1 : 3);
    }

    /**
     * A grayscale image given as bytes (0–255), row after row, e.g. one image of an IDX file.
     *
     * @param offset where the image starts in {@code pixels}
     */
    public float[] transformGray(byte[] pixels, int offset, int sourceHeight, int sourceWidth) {
        float[] levels = new float[sourceHeight * sourceWidth];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = Byte.toUnsignedInt(pixels[offset + i]);
        }
        return transformPlanes(levels, sourceHeight, sourceWidth, 1);
    }

    /** Levels 0–255 in planes (channel after channel) of the source size → a finished feature row. */
    private float[] transformPlanes(float[] levels, int sourceHeight, int sourceWidth, int sourceChannels) {
        float[] planes = toChannels(levels, sourceHeight * sourceWidth, sourceChannels);
        float[] row = sourceHeight == height && sourceWidth == width ? planes
                : resize(planes, sourceHeight, sourceWidth);
        for (int i = 0; i < row.length; i++) {
            row[i] /= MAX_LEVEL;
        }
        if (scaling == PixelScaling.STANDARDIZE) {
            standardizeInPlace(row);
        }
        return row;
    }

    /** Standardizes a row already scaled to [0, 1] with the fitted channel statistics. */
    void standardizeInPlace(float[] unitRow) {
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            float mean = channelMeans.get(c).floatValue();
            float std = channelStds.get(c).floatValue();
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                unitRow[i] = (unitRow[i] - mean) / std;
            }
        }
    }

    private float[] toChannels(float[] levels, int plane, int sourceChannels) {
        if (sourceChannels == channels) {
            return levels;
        }
        float[] converted = new float[plane * channels];
        if (channels == 3) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(levels, 0, converted, c * plane, plane);
            }
        } else {
            for (int i = 0; i < plane; i++) {
                converted[i] = 0.299f * levels[i] + 0.587f * levels[plane + i] + 0.114f * levels[2 * plane + i];
            }
        }
        return converted;
    }

    /** Bilinear resampling of each plane, pixel centres aligned (as most image libraries do). */
    private float[] resize(float[] planes, int sourceHeight, int sourceWidth) {
        float[] resized = new float[channels * height * width];
        double scaleY = (double) sourceHeight / height;
        double scaleX = (double) sourceWidth / width;
        for (int y = 0; y < height; y++) {
            double sy = Math.min(Math.max((y + 0.5) * scaleY - 0.5, 0), sourceHeight - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, sourceHeight - 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.min(Math.max((x + 0.5) * scaleX - 0.5, 0), sourceWidth - 1);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, sourceWidth - 1);
                double fx = sx - x0;
                for (int c = 0; c < channels; c++) {
                    int base = c * sourceHeight * sourceWidth;
                    double top = planes[base + y0 * sourceWidth + x0] * (1 - fx) + planes[base + y0 * sourceWidth + x1] * fx;
                    double bottom = planes[base + y1 * sourceWidth + x0] * (1 - fx) + planes[base + y1 * sourceWidth + x1] * fx;
                    resized[c * height * width + y * width + x] = (float) (top * (1 - fy) + bottom * fy);
                }
            }
        }
        return resized;
    }

    /** Gray images (without a palette) are read from their raster as stored, colour ones as sRGB. */
    private static boolean isGray(BufferedImage image) {
        return !(image.getColorModel() instanceof IndexColorModel)
                && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** The image's levels 0–255 in planes: one plane for gray images, red, green and blue planes otherwise. */
    private static float[] levels(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        if (isGray(image)) {
            Raster raster = image.getRaster();
            float toLevels = MAX_LEVEL / ((1 << image.getColorModel().getComponentSize(0)) - 1);
            float[] gray = new float[plane];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    gray[y * w + x] = raster.getSample(x, y, 0) * toLevels;
                }
            }
            return gray;
        }
        float[] rgb = new float[3 * plane];
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < plane; i++) {
            rgb[i] = (argb[i] >> 16) & 0xff;
            rgb[plane + i] = (argb[i] >> 8) & 0xff;
            rgb[2 * plane + i] = argb[i] & 0xff;
        }
        return rgb;
    }

    /**
     * @throws UserInputException if ImageIO cannot read the file as an image
     */
    static BufferedImage readImage(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("Could not read the image " + file + ": " + e.getMessage()
                    + " — the file is damaged or not an image; remove or replace it", e);
        }
        if (image == null) {
            throw new UserInputException(file + " is not an image ImageIO can read — use PNG, JPEG or BMP files");
        }
        return image;
    }
}
