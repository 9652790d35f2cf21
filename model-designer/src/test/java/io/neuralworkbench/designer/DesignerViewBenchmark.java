package io.neuralworkbench.designer;

import io.neuralworkbench.designer.commands.EditHyperparameter;
import io.neuralworkbench.designer.commands.MoveNodes;
import io.neuralworkbench.designer.model.CardGeometry;
import io.neuralworkbench.designer.model.DesignerCommand;
import io.neuralworkbench.designer.model.DesignerModel;
import io.neuralworkbench.designer.view.DesignerPane;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * Like {@link DesignerEditBenchmark}, but with the whole designer window listening (headless, Monocle): the
 * time from a command to views that are up to date, CSS and layout of the next pulse included (painting is not).
 * Not a test.
 */
public final class DesignerViewBenchmark {
    private static final int WARM_UP_EDITS = 100;
    private static final int TIMED_EDITS = 100;

    private DesignerViewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        DesignerModel model = DesignerModel.of(DesignerEditBenchmark.residualTower(nodes));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Scene scene = onFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new DesignerPane(model), 1200, 760)); // within Monocle's headless screen
            stage.show();
            return stage.getScene();
        });
        List<String> dense = model.network().nodes().stream()
                .filter(n -> n.name().startsWith("dense")).map(n -> n.name()).toList();
        IntFunction<DesignerCommand> setUnits = i -> new EditHyperparameter(dense.get(i % dense.size()), "units",
                model.state().node(dense.get(i % dense.size())).layer().equals(
                        io.neuralworkbench.engine.network.Layer.Dense.of(64)) ? 48 : 64);
        IntFunction<DesignerCommand> move = i -> MoveNodes.by(model.state(), List.of(dense.get(i % dense.size())),
                CardGeometry.GRID, 0);
        for (var edit : List.of(setUnits, move)) {
            time(model, scene, edit, WARM_UP_EDITS);
        }
        System.out.printf(Locale.ROOT, "%d nodes, whole designer listening, until the next pulse has done CSS and layout:%n",
                model.network().nodes().size());
        report("set units (re-validates, many cards change)", time(model, scene, setUnits, TIMED_EDITS));
        report("move a node", time(model, scene, move, TIMED_EDITS));
        Platform.exit();
    }

    /**
     * Each edit is timed from the command to the end of the next pulse's CSS and layout (so it includes waiting
     * for that pulse, up to one frame), as a user would see it; painting is not included.
     */
    private static long[] time(DesignerModel model, Scene scene, IntFunction<DesignerCommand> edits, int count)
            throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            int edit = i;
            CompletableFuture<Long> laidOut = new CompletableFuture<>();
            onFx(() -> {
                long start = System.nanoTime();
                model.execute(edits.apply(edit));
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    laidOut.complete(System.nanoTime() - start);
                };
                scene.addPostLayoutPulseListener(listener[0]);
                Platform.requestNextPulse();
                return null;
            });
            nanos[i] = laidOut.get();
        }
        return nanos;
    }

    private static void report(String what, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "  %-45s median %.1f ms, 95th percentile %.1f ms%n", what,
                nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }
}
