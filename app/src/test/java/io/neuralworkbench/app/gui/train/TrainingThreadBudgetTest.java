package io.neuralworkbench.app.gui.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** On a clock the test moves by hand, so a busy machine cannot change the outcome. */
class TrainingThreadBudgetTest {
    private static final long MS = 1_000_000L;
    private final AtomicLong now = new AtomicLong(5_000 * MS);

    @Test
    void slowWorkWaitsLongEnoughToKeepItsShareOfTheThread() {
        TrainingThreadBudget budget = new TrainingThreadBudget(1000, 0.5, now::get); // 1 ms apart, half the time
        assertThat(budget.due()).isTrue();
        long start = now.get();
        now.addAndGet(40 * MS); // work that took 40 ms
        budget.spentSince(start);

        assertThat(budget.due()).as("right after the work").isFalse();
        now.addAndGet(10 * MS);
        assertThat(budget.due()).as("10 ms later: the share would be 80 %").isFalse();
        now.addAndGet(29 * MS);
        assertThat(budget.due()).as("39 ms later: still more than half").isFalse();
        now.addAndGet(1 * MS);
        assertThat(budget.due()).as("as long again as the work took").isTrue();
    }

    @Test
    void quickWorkRunsAtMostAtTheGivenRate() {
        TrainingThreadBudget budget = new TrainingThreadBudget(10, 0.05, now::get); // 100 ms apart
        budget.spentSince(now.get());
        now.addAndGet(30 * MS);
        assertThat(budget.due()).isFalse();
        now.addAndGet(70 * MS);
        assertThat(budget.due()).isTrue();
        budget.spentSince(now.get());
        assertThat(budget.due()).isFalse();
        budget.reset();
        assertThat(budget.due()).isTrue();
    }
}
