package io.neuralworkbench.app.cli;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.data.image.Augmentation;

import java.util.Locale;

/** Reads {@code --augment}: "photos", or a list such as {@code flip,rotation=10,shift=0.1,zoom=0.1}. */
final class AugmentationSpec {
    private static final String FORMAT = "write 'photos' or a comma-separated list of flip, rotation=DEGREES, "
            + "shift=FRACTION and zoom=FRACTION, e.g. rotation=10,shift=0.1";

    private AugmentationSpec() {
    }

    static Augmentation parse(String spec) {
        if (spec.trim().equalsIgnoreCase("photos")) {
            return Augmentation.PHOTOS;
        }
        Augmentation augmentation = Augmentation.NONE;
        for (String part : spec.split(",")) {
            String[] keyValue = part.trim().split("=", 2);
            String key = keyValue[0].trim().toLowerCase(Locale.ROOT);
            if (key.equals("flip") && keyValue.length == 1) {
                augmentation = augmentation.withHorizontalFlip(true);
                continue;
            }
            if (keyValue.length != 2) {
                throw new UserInputException("--augment: \"" + part.trim() + "\" is not understood — " + FORMAT + ".");
            }
            double value = number(keyValue[1], part);
            augmentation = switch (key) {
                case "rotation" -> augmentation.withMaxRotationDegrees(value);
                case "shift" -> augmentation.withMaxShiftFraction(value);
                case "zoom" -> augmentation.withMaxZoomFraction(value);
                default -> throw new UserInputException("--augment: \"" + key + "\" is not an augmentation — "
                        + FORMAT + ".");
            };
        }
        return augmentation;
    }

    private static double number(String text, String part) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UserInputException("--augment: \"" + part.trim() + "\" needs a number after '=' — " + FORMAT
                    + ".");
        }
    }
}
