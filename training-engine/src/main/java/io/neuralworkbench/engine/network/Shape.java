package io.neuralworkbench.engine.network;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What flows along a wire, per sample (the batch dimension is left out).
 * Also used to declare what an input node receives.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Shape.Flat.class, name = "flat"),
        @JsonSubTypes.Type(value = Shape.Image.class, name = "image"),
        @JsonSubTypes.Type(value = Shape.Sequence.class, name = "sequence")
})
public sealed interface Shape {

    /** Number of values in one sample of this shape (for sequences of unknown length: per time step). */
    long elementCount();

    /** Words a student understands, e.g. "a flat vector of 120" or "an image 28×28×1". */
    String describe();

    /** A feed-forward vector of {@code size} values. */
    record Flat(int size) implements Shape {
        @Override
        public long elementCount() {
            return size;
        }

        @Override
        public String describe() {
            return "a flat vector of " + size;
        }

        @Override
        public String toString() {
            return "[" + size + "]";
        }
    }

    /** An image, height × width × channels. */
    record Image(int height, int width, int channels) implements Shape {
        @Override
        public long elementCount() {
            return (long) height * width * channels;
        }

        @Override
        public String describe() {
            return "an image " + height + "×" + width + "×" + channels;
        }

        @Override
        public String toString() {
            return "[" + height + "×" + width + "×" + channels + "]";
        }
    }

    /**
     * A sequence of {@code length} time steps with {@code features} values each; {@code length} 0 means
     * variable length. Token-id sequences (the input of an embedding) have one feature.
     */
    record Sequence(int features, int length) implements Shape {
        @Override
        public long elementCount() {
            return length == 0 ? features : (long) features * length;
        }

        @Override
        public String describe() {
            return "a sequence of " + (length == 0 ? "any length" : String.valueOf(length))
                    + " with " + features + (features == 1 ? " value" : " values") + " per step";
        }

        @Override
        public String toString() {
            return "[" + (length == 0 ? "?" : length) + "×" + features + "]";
        }
    }
}
