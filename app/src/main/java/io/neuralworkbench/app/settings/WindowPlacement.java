package io.neuralworkbench.app.settings;

/**
 * Where the main window was and how big, so the next start opens it the same way.
 *
 * @param x         left edge in screen coordinates, NaN when the system should place the window
 * @param y         top edge in screen coordinates, NaN when the system should place the window
 * @param maximized whether the window filled the screen (width and height then hold the size to restore to)
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    /** Wide enough for the Train view's form beside two charts. */
    public static final WindowPlacement DEFAULT = new WindowPlacement(Double.NaN, Double.NaN, 1360, 860, false);
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 480;

    /** A stored placement made usable: a too-small or unreadable size falls back to the default size. */
    public WindowPlacement {
        if (!Double.isFinite(width) || !Double.isFinite(height) || width < MIN_WIDTH || height < MIN_HEIGHT) {
            width = 1360;
            height = 860;
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            x = Double.NaN;
            y = Double.NaN;
        }
    }

    /** Whether the window should go back to a remembered position (else the system centres it). */
    public boolean hasPosition() {
        return !Double.isNaN(x);
    }
}
