package io.neuralworkbench.app.gui.data;

/**
 * A small picture of one image, as plain pixels so the view model holds no JavaFX image.
 *
 * @param argb row after row, one 0xAARRGGBB value per pixel
 */
public record Thumbnail(int width, int height, int[] argb) {
    public Thumbnail {
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException(width + "×" + height + " pixels with " + argb.length + " values");
        }
    }
}
