package io.neuralworkbench.app.gui.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainingThreadBudgetTest {
    @Test
    void slowWorkWaitsLongEnoughToKeepItsShareOfTheThread() throws InterruptedException {
        TrainingThreadBudget budget = new TrainingThreadBudget(1000, 0.5); // 1 ms apart, half the time at most
        assertThat(budget.due()).isTrue();
        long start = System.nanoTime();
        Thread.sleep(40); // work that took 40 ms
        budget.spentSince(start);

        assertThat(budget.due()).as("right after the work").isFalse();
        Thread.sleep(10);
        assertThat(budget.due()).as("10 ms later: the share would be 80 %").isFalse();
        Thread.sleep(60);
        assertThat(budget.due()).as("as long again as the work took").isTrue();
    }

    @Test
    void quickWorkRunsAtMostAtTheGivenRate() throws InterruptedException {
        TrainingThreadBudget budget = new TrainingThreadBudget(10, 0.05); // 100 ms apart
        budget.spentSince(System.nanoTime());
        Thread.sleep(30);
        assertThat(budget.due()).isFalse();
        Thread.sleep(100);
        assertThat(budget.due()).isTrue();
        budget.spentSince(System.nanoTime());
        budget.reset();
        assertThat(budget.due()).isTrue();
    }
}
