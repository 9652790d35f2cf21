package io.neuralworkbench.engine.data.text;

/** How a text becomes a network input. */
public enum TextEncoding {
    /**
     * The token indices in order, padded or cut to a fixed length, with a mask marking the real tokens: the
     * input of an embedding layer (the text-classifier and LSTM templates).
     */
    SEQUENCE,
    /** How often each vocabulary word occurs: a flat vector for a plain MLP; word order is lost. */
    BAG_OF_WORDS,
    /**
     * Word counts weighted by how rare each word is across the training texts (inverse document frequency),
     * scaled to length 1: like {@link #BAG_OF_WORDS}, but common words weigh less and long texts no more.
     */
    TF_IDF
}
