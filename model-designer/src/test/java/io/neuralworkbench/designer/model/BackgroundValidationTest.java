package io.neuralworkbench.designer.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralworkbench.designer.commands.EditHyperparameter;
import io.neuralworkbench.designer.commands.MoveNodes;
import io.neuralworkbench.designer.NodeLayout;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.Shape;
import io.neuralworkbench.engine.network.Templates;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Validation of a big network in the background: an edit returns before the validation is done, and when edits
 * come faster than validations, only the newest edit's result is used. The "owner thread" is a queue the test
 * drains, standing in for the FX thread.
 */
class BackgroundValidationTest {
    private final Deque<Runnable> ownerQueue = new ArrayDeque<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    /** Networks the analyser was asked about, in order. */
    private final List<NetworkDescription> analysed = java.util.Collections.synchronizedList(new ArrayList<>());

    private void drainOwnerQueue() {
        while (!ownerQueue.isEmpty()) {
            ownerQueue.poll().run();
        }
    }

    private void awaitBackground() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        background.execute(done::countDown);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private static EditHyperparameter units(String node, int units) {
        return new EditHyperparameter(node, "units", units);
    }

    @Test
    void anEditReturnsWhileASlowValidationRunsAndItsResultArrivesAfterwards() throws Exception {
        DesignerModel model = DesignerModel.of(Templates.mlpClassifier(4, 3));
        CountDownLatch release = new CountDownLatch(1);
        model.useAnalyser((network, batch, dataset) -> {
            analysed.add(network);
            try {
                release.await(10, TimeUnit.SECONDS); // a validation far slower than any frame
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return NetworkAnalysis.of(network, batch, dataset);
        });
        model.validateInBackground(background, ownerQueue::add, 2);
        List<DesignerModel.Change> changes = new ArrayList<>();
        model.addListener(changes::add);

        long start = System.nanoTime();
        model.execute(units("dense1", 10));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).as("the edit waited for the validation").isLessThan(2_000);
        assertThat(model.analysisPending()).isTrue();
        assertThat(model.analysis().node("dense1").outputShape()).isEqualTo(new Shape.Flat(64)); // still the old one
        assertThat(changes).containsExactly(DesignerModel.Change.CONTENT);

        release.countDown();
        awaitBackground();
        drainOwnerQueue();
        assertThat(model.analysisPending()).isFalse();
        assertThat(model.analysis().node("dense1").outputShape()).isEqualTo(new Shape.Flat(10));
        assertThat(changes).containsExactly(DesignerModel.Change.CONTENT, DesignerModel.Change.ANALYSIS);
        background.shutdownNow();
    }

    @Test
    void whenEditsOutrunValidationTheStaleResultsAreDroppedAndTheNewestWins() throws Exception {
        DesignerModel model = DesignerModel.of(Templates.mlpClassifier(4, 3));
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        model.useAnalyser((network, batch, dataset) -> {
            analysed.add(network);
            firstStarted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return NetworkAnalysis.of(network, batch, dataset);
        });
        model.validateInBackground(background, ownerQueue::add, 2);

        model.execute(units("dense1", 10));          // validation 1 starts and blocks
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        model.execute(units("dense1", 11));          // queued behind it, then superseded: never validated
        model.execute(units("dense1", 12));          // the newest
        release.countDown();
        awaitBackground();
        drainOwnerQueue();

        assertThat(analysed).hasSize(2);
        assertThat(analysed.get(0).node("dense1").orElseThrow().layer())
                .isEqualTo(io.neuralworkbench.engine.network.Layer.Dense.of(10));
        assertThat(analysed.get(1)).isEqualTo(model.network());
        assertThat(model.analysisPending()).isFalse();
        assertThat(model.analysis().node("dense1").outputShape())
                .as("the result for 10 units came back first but was stale").isEqualTo(new Shape.Flat(12));
        background.shutdownNow();
    }

    @Test
    void smallNetworksAndMovesAreValidatedAtOnce() {
        DesignerModel model = DesignerModel.of(Templates.mlpClassifier(4, 3));
        model.useAnalyser((network, batch, dataset) -> {
            analysed.add(network);
            return NetworkAnalysis.of(network, batch, dataset);
        });
        model.validateInBackground(background, ownerQueue::add, 100);

        model.execute(units("dense1", 10));
        assertThat(model.analysisPending()).isFalse();
        assertThat(model.analysis().node("dense1").outputShape()).isEqualTo(new Shape.Flat(10));
        model.execute(new MoveNodes(List.of(new NodeLayout("dense1", 400, 400)), true));
        assertThat(analysed).hasSize(1); // a move changes no shape
        assertThat(ownerQueue).isEmpty();
        background.shutdownNow();
    }
}
