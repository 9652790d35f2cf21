package io.neuralworkbench.engine.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.Layer;

import java.util.List;

/**
 * Everything about how a network is trained, apart from the network and the data. Immutable; serialised into
 * projects and model bundles as JSON.
 *
 * @param l2           L2 penalty on weights for layers that don't set their own (0 = none)
 * @param classWeights how much each class (each output) counts in a classification loss, in class order;
 *                     null when every class counts the same. Left out of the JSON when null, so files written
 *                     before it existed read and write unchanged.
 */
public record TrainingConfig(Optimizer optimizer, double learningRate, LearningRateSchedule schedule, int batchSize,
                             int epochs, double l2, EarlyStopping earlyStopping, long seed,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> classWeights) {

    /** Jackson reads files through this one; the shorter constructor is for code. */
    @JsonCreator
    public TrainingConfig {
        classWeights = classWeights == null ? null : List.copyOf(classWeights);
    }

    /** Settings without class weights. */
    public TrainingConfig(Optimizer optimizer, double learningRate, LearningRateSchedule schedule, int batchSize,
                          int epochs, double l2, EarlyStopping earlyStopping, long seed) {
        this(optimizer, learningRate, schedule, batchSize, epochs, l2, earlyStopping, seed, null);
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(Optimizer.adam(), 0.001, LearningRateSchedule.constant(), 32, 20, 0.0,
                EarlyStopping.off(), 42);
    }

    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(optimizer, learningRate, schedule, batchSize, newEpochs, l2, earlyStopping, seed,
                classWeights);
    }

    public TrainingConfig withBatchSize(int newBatchSize) {
        return new TrainingConfig(optimizer, learningRate, schedule, newBatchSize, epochs, l2, earlyStopping, seed,
                classWeights);
    }

    public TrainingConfig withLearningRate(double newRate) {
        return new TrainingConfig(optimizer, newRate, schedule, batchSize, epochs, l2, earlyStopping, seed,
                classWeights);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(optimizer, learningRate, schedule, batchSize, epochs, l2, earlyStopping, newSeed,
                classWeights);
    }

    public TrainingConfig withOptimizer(Optimizer newOptimizer) {
        return new TrainingConfig(newOptimizer, learningRate, schedule, batchSize, epochs, l2, earlyStopping, seed,
                classWeights);
    }

    public TrainingConfig withSchedule(LearningRateSchedule newSchedule) {
        return new TrainingConfig(optimizer, learningRate, newSchedule, batchSize, epochs, l2, earlyStopping, seed,
                classWeights);
    }

    public TrainingConfig withL2(double newL2) {
        return new TrainingConfig(optimizer, learningRate, schedule, batchSize, epochs, newL2, earlyStopping, seed,
                classWeights);
    }

    public TrainingConfig withEarlyStopping(EarlyStopping newEarlyStopping) {
        return new TrainingConfig(optimizer, learningRate, schedule, batchSize, epochs, l2, newEarlyStopping, seed,
                classWeights);
    }

    /** @param newClassWeights one weight per class in class order, or null for equal weights */
    public TrainingConfig withClassWeights(List<Double> newClassWeights) {
        return new TrainingConfig(optimizer, learningRate, schedule, batchSize, epochs, l2, earlyStopping, seed,
                newClassWeights);
    }

    /** The learning rate for a 0-based epoch, following the schedule. */
    public double learningRateAt(int epoch) {
        return schedule.rateAt(learningRate, epoch, epochs);
    }

    /** Rejects settings no training run can use, with a message that says which and why. */
    public void check() {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new UserInputException("Learning rate must be a positive number, but is " + learningRate + ".");
        }
        if (batchSize < 1) {
            throw new UserInputException("Batch size must be at least 1, but is " + batchSize + ".");
        }
        if (epochs < 1) {
            throw new UserInputException("Epochs must be at least 1, but is " + epochs + ".");
        }
        if (l2 < 0) {
            throw new UserInputException("L2 must be 0 or more, but is " + l2 + ".");
        }
        if (earlyStopping.enabled() && earlyStopping.patience() < 1) {
            throw new UserInputException("Early-stopping patience must be at least 1 epoch.");
        }
        boolean weightsUsable = classWeights == null
                || classWeights.stream().allMatch(w -> w != null && w > 0 && w < Double.POSITIVE_INFINITY);
        if (!weightsUsable) {
            throw new UserInputException("Class weights must be positive numbers, but are " + classWeights + ".");
        }
    }

    /**
     * Rejects class weights the network's output cannot use: they weigh a classification loss, one weight per
     * output unit (class).
     */
    public void checkClassWeightsFor(Layer.Output output) {
        if (classWeights == null) {
            return;
        }
        check();
        if (!output.loss().isClassification()) {
            throw new UserInputException("Class weights need a classification output, but the output's loss is "
                    + output.loss().displayName() + "; remove the class weights or use cross-entropy.");
        }
        if (classWeights.size() != output.units()) {
            throw new UserInputException(classWeights.size() + " class weights for an output of " + output.units()
                    + " classes; give one weight per class, in class order.");
        }
    }
}
