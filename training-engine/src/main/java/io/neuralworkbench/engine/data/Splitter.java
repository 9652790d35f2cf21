package io.neuralworkbench.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

import io.neuralworkbench.engine.UserInputException;

/**
 * Random, seeded partitions of samples. Stratified variants keep each class's share the same in every part,
 * so that a rare class is not missing from validation or test by chance.
 */
public final class Splitter {
    private Splitter() {
    }

    /**
     * Splits sample indices {@code 0..classIndices.length-1} into training, validation and test, each class
     * on its own (pass the same class for every sample for a plain random split). Every class keeps at least
     * one training sample. Each part comes back shuffled, so that classes are not in blocks.
     *
     * @return three index arrays, in {@link Split} order
     */
    public static int[][] trainValidationTest(int[] classIndices, SplitFractions fractions, long seed) {
        Random random = new Random(seed);
        List<List<Integer>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (List<Integer> group : shuffledClassGroups(classIndices, random)) {
            int size = group.size();
            int test = (int) Math.round(size * fractions.test());
            int validation = (int) Math.round(size * fractions.validation());
            // Rounding up in a tiny class could leave it nothing to learn from; training goes first.
            while (size - test - validation < 1 && test + validation > 0) {
                if (test >= validation) {
                    test--;
                } else {
                    validation--;
                }
            }
            int train = size - test - validation;
            parts.get(0).addAll(group.subList(0, train));
            parts.get(1).addAll(group.subList(train, train + validation));
            parts.get(2).addAll(group.subList(train + validation, size));
        }
        int[][] result = new int[3][];
        for (int p = 0; p < 3; p++) {
            Collections.shuffle(parts.get(p), random);
            result[p] = parts.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    /** Plain k-fold cross-validation over {@code sampleCount} samples. */
    public static List<Fold> kFold(int sampleCount, int k, long seed) {
        return stratifiedKFold(new int[sampleCount], k, seed);
    }

    /**
     * Stratified k-fold cross-validation: {@code classIndices[i]} is the class of sample {@code i}; every
     * sample is validated on exactly once, and fold sizes differ by at most one.
     *
     * @throws UserInputException unless 2 ≤ k ≤ number of samples
     */
    public static List<Fold> stratifiedKFold(int[] classIndices, int k, long seed) {
        if (k < 2 || k > classIndices.length) {
            throw new UserInputException("k-fold cross-validation needs k between 2 and the number of samples ("
                    + classIndices.length + "), not " + k + " — choose a k in that range");
        }
        int[] foldOf = new int[classIndices.length];
        int next = 0;
        // Dealing class after class round-robin, continuing where the last class stopped, balances the sizes.
        for (List<Integer> group : shuffledClassGroups(classIndices, new Random(seed))) {
            for (int sample : group) {
                foldOf[sample] = next;
                next = (next + 1) % k;
            }
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int fold = 0; fold < k; fold++) {
            int f = fold;
            int[] validation = IntStream.range(0, foldOf.length).filter(i -> foldOf[i] == f).toArray();
            int[] train = IntStream.range(0, foldOf.length).filter(i -> foldOf[i] != f).toArray();
            folds.add(new Fold(train, validation));
        }
        return folds;
    }

    /** k-fold cross-validation over a dataset, stratified by class when it is a classification dataset. */
    public static List<Fold> kFold(ArrayDataset data, int k, long seed) {
        int[] classes = new int[data.size()];
        if (data.isClassification()) {
            Arrays.setAll(classes, data::classIndex);
        }
        return stratifiedKFold(classes, k, seed);
    }

    /** The samples of each class (in class order), each group shuffled. */
    private static List<List<Integer>> shuffledClassGroups(int[] classIndices, Random random) {
        TreeMap<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < classIndices.length; i++) {
            groups.computeIfAbsent(classIndices[i], c -> new ArrayList<>()).add(i);
        }
        groups.values().forEach(group -> Collections.shuffle(group, random));
        return new ArrayList<>(groups.values());
    }
}
