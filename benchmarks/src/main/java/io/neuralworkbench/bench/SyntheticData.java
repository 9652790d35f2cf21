package io.neuralworkbench.bench;

import java.util.Random;

/**
 * Random samples of a model's real input shape. Speed does not depend on the values, only on the shapes, so both
 * engines train on the same random rows and labels.
 *
 * @param features one flat row per sample (token ids as floats for the text model)
 * @param labels   the class of each sample
 */
record SyntheticData(float[][] features, int[] labels) {

    static SyntheticData generate(BenchModel model, int rows, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[rows][model.featureCount()];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < features[i].length; j++) {
                features[i][j] = model.takesTokenIds() ? random.nextInt(BenchModel.Text.VOCABULARY) : random.nextFloat();
            }
            labels[i] = random.nextInt(model.classes());
        }
        return new SyntheticData(features, labels);
    }

    int size() {
        return labels.length;
    }

    float[][] oneHotLabels(int classes) {
        float[][] oneHot = new float[labels.length][classes];
        for (int i = 0; i < labels.length; i++) {
            oneHot[i][labels[i]] = 1f;
        }
        return oneHot;
    }
}
