package io.neuralworkbench.engine.training;

import io.neuralworkbench.engine.UserInputException;

/**
 * Everything about how a network is trained, apart from the network and the data. Immutable; serialised into
 * projects and model bundles as JSON.
 *
 * @param l2 L2 penalty on weights for layers that don't set their own (0 = none)
 */
public record TrainingConfig(Optimizer optimizer, double learningRate, LearningRateSchedule schedule, int batchSize,
                             int epochs, double l2, EarlyStopping earlyStopping, long seed) {

    public static TrainingConfig defaults() {
        return new TrainingConfig(Optimizer.adam(), 0.001, LearningRateSchedule.constant(), 32, 20, 0.0,
                EarlyStopping.off(), 42);
    }

    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(optimizer, learningRate, schedule, batchSize, newEpochs, l2, earlyStopping, seed);
    }

    public TrainingConfig withBatchSize(int newBatchSize) {
        return new TrainingConfig(optimizer, learningRate, schedule, newBatchSize, epochs, l2, earlyStopping, seed);
    }

    public TrainingConfig withLearningRate(double newRate) {
        return new TrainingConfig(optimizer, newRate, schedule, batchSize, epochs, l2, earlyStopping, seed);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(optimizer, learningRate, schedule, batchSize, epochs, l2, earlyStopping, newSeed);
    }

    public TrainingConfig withOptimizer(Optimizer newOptimizer) {
        return new TrainingConfig(newOptimizer, learningRate, schedule, batchSize, epochs, l2, earlyStopping, seed);
    }

    public TrainingConfig withSchedule(LearningRateSchedule newSchedule) {
        return new TrainingConfig(optimizer, learningRate, newSchedule, batchSize, epochs, l2, earlyStopping, seed);
    }

    public TrainingConfig withL2(double newL2) {
        return new TrainingConfig(optimizer, learningRate, schedule, batchSize, epochs, newL2, earlyStopping, seed);
    }

    public TrainingConfig withEarlyStopping(EarlyStopping newEarlyStopping) {
        return new TrainingConfig(optimizer, learningRate, schedule, batchSize, epochs, l2, newEarlyStopping, seed);
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
    }
}
