package io.neuralworkbench.engine.data;

import java.util.List;

/**
 * One round of cross-validation, ready to train: preprocessing fitted on the fold's training rows alone,
 * and both parts transformed with it. The arrays are not copied; treat them as read-only.
 *
 * @param fold         which fold is held out, from 0
 * @param trainingRows the table rows (0-based) trained on
 * @param heldOutRows  the table rows (0-based) evaluated on
 * @param notes        what was left out and why, one sentence each
 */
public record PreparedFold(int fold, FittedPreprocessing preprocessing, ArrayDataset train, ArrayDataset heldOut,
                           int[] trainingRows, int[] heldOutRows, List<String> notes) {
    public PreparedFold {
        notes = List.copyOf(notes);
    }
}
