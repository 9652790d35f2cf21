package io.neuralworkbench.engine.data.image;

import io.neuralworkbench.engine.data.PreparedInputs;
import io.neuralworkbench.engine.data.SampleSource;
import io.neuralworkbench.engine.network.Shape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.neuralworkbench.engine.data.UserInputErrors.assertThatUserInputError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AugmentationTest {
    private static final Shape.Image SHAPE = new Shape.Image(3, 4, 2);

    /** A row whose every value differs, so any move of a pixel shows. */
    private static float[] distinctRow() {
        float[] row = new float[SHAPE.height() * SHAPE.width() * SHAPE.channels()];
        for (int i = 0; i < row.length; i++) {
            row[i] = i;
        }
        return row;
    }

    private static float[] mirrored(float[] row) {
        float[] mirror = new float[row.length];
        int w = SHAPE.width();
        for (int c = 0; c < SHAPE.channels(); c++) {
            for (int y = 0; y < SHAPE.height(); y++) {
                for (int x = 0; x < w; x++) {
                    int plane = c * SHAPE.height() * w;
                    mirror[plane + y * w + x] = row[plane + y * w + (w - 1 - x)];
                }
            }
        }
        return mirror;
    }

    @Test
    void aFlipMirrorsEveryRowOfEveryChannelAboutHalfOfTheTime() {
        Augmentation flipOnly = Augmentation.NONE.withHorizontalFlip(true);
        float[] row = distinctRow();
        int flipped = 0;
        for (long seed = 0; seed < 200; seed++) {
            float[] out = flipOnly.apply(row, SHAPE, seed);
            if (Arrays.equals(out, mirrored(row))) {
                flipped++;
            } else {
                assertThat(out).containsExactly(row);
            }
        }
        assertThat(flipped).isBetween(70, 130);
    }

    @Test
    void theSameSeedGivesTheSameChangeAndAnotherSeedAnother() {
        Augmentation augmentation = Augmentation.PHOTOS;
        float[] row = distinctRow();

        assertThat(augmentation.apply(row, SHAPE, 11)).containsExactly(augmentation.apply(row, SHAPE, 11));
        assertThat(augmentation.apply(row, SHAPE, 11)).isNotEqualTo(augmentation.apply(row, SHAPE, 12));
        assertThat(row).containsExactly(distinctRow());
    }

    @Test
    void aShiftOfAWholeImageMovesItsContent() {
        Shape.Image wide = new Shape.Image(1, 101, 1);
        float[] ramp = new float[101];
        for (int x = 0; x < ramp.length; x++) {
            ramp[x] = x;
        }
        Augmentation shiftOnly = Augmentation.NONE.withMaxShiftFraction(0.2);
        for (long seed = 0; seed < 20; seed++) {
            float[] out = shiftOnly.apply(ramp, wide, seed);
            // A shift by s pixels makes pixel x show the source's x − s: the middle of a ramp moves by s.
            double shift = 50 - out[50];
            assertThat(Math.abs(shift)).isLessThanOrEqualTo(0.2 * 101 + 1e-3);
            assertThat(out[60] - out[50]).isCloseTo(10f, within(1e-3f));
        }
    }

    @Test
    void onlyTheTrainingSplitIsAugmentedSeededBySeedEpochAndSample() {
        ImageOptions options = ImageOptions.defaults().withAugmentation(new Augmentation(false, 15, 0.1, 0.1));
        PreparedInputs inputs = ImageDatasets.fromFolder(ImageFolderImporterTest.MNIST_PNG, options);
        PreparedInputs plain = ImageDatasets.fromFolder(ImageFolderImporterTest.MNIST_PNG, ImageOptions.defaults());
        SampleSource train = inputs.train();

        float[][] epoch3 = train.forEpoch(42, 3).read(new int[] {5, 9}).features();
        float[][] epoch3Reversed = train.forEpoch(42, 3).read(new int[] {9, 5}).features();
        assertThat(epoch3Reversed[0]).containsExactly(epoch3[1]);
        assertThat(epoch3Reversed[1]).containsExactly(epoch3[0]);
        assertThat(train.forEpoch(42, 4).read(new int[] {5}).features()[0]).isNotEqualTo(epoch3[0]);
        assertThat(train.forEpoch(7, 3).read(new int[] {5}).features()[0]).isNotEqualTo(epoch3[0]);
        assertThat(train.read(new int[] {5}).features()[0]).containsExactly(plain.train().read(new int[] {5}).features()[0]);
        assertThat(epoch3[0]).isNotEqualTo(plain.train().read(new int[] {5}).features()[0]);
        assertThat(train.inMemory()).isFalse();
        assertThat(inputs.validation().forEpoch(42, 3)).isSameAs(inputs.validation());
        assertThat(inputs.test().forEpoch(42, 3)).isSameAs(inputs.test());
        assertThat(inputs.notes()).anySatisfy(note -> assertThat(note).contains("rotation up to ±15°"));
    }

    @Test
    void isOffByDefaultAndRejectsImpossibleSettings() {
        assertThat(ImageOptions.defaults().augmentation().enabled()).isFalse();
        assertThatUserInputError(() -> Augmentation.NONE.withMaxShiftFraction(1.5)).hasMessageContaining("shift 1.5");
        assertThatUserInputError(() -> Augmentation.NONE.withMaxRotationDegrees(-3)).hasMessageContaining("rotation -3");
    }
}
