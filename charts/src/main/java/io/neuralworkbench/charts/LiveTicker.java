package io.neuralworkbench.charts;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Calls a redraw on the FX thread while a node is in a scene: every frame, or once per interval. With an
 * interval a background ticker posts one call per interval (never more than one waiting in the FX queue)
 * instead of a frame timer, because a running frame timer makes JavaFX pulse 60 times a second and ChartFX lays
 * its charts out on every pulse, which on a software-rendered or busy machine takes much of a core from training.
 */
public final class LiveTicker {
    /** Paces every interval-driven redraw; one daemon thread for all of them. */
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "live-redraw-ticker");
        thread.setDaemon(true);
        return thread;
    });

    private LiveTicker() {
    }

    /**
     * @param intervalNanos read each time the node enters a scene: 0 or less for every frame
     * @param redraw        gets the time in nanoseconds ({@link System#nanoTime} or the frame's time)
     */
    public static void whileShown(Node node, LongSupplier intervalNanos, LongConsumer redraw) {
        AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                redraw.accept(now);
            }
        };
        AtomicReference<ScheduledFuture<?>> ticking = new AtomicReference<>();
        AtomicBoolean waiting = new AtomicBoolean();
        ChangeListener<Scene> onScene = (obs, was, scene) -> {
            frames.stop();
            ScheduledFuture<?> ticks = ticking.getAndSet(null);
            if (ticks != null) {
                ticks.cancel(false);
            }
            if (scene == null) {
                return;
            }
            long interval = intervalNanos.getAsLong();
            if (interval <= 0) {
                frames.start();
                return;
            }
            ticking.set(TICKER.scheduleAtFixedRate(() -> {
                if (waiting.compareAndSet(false, true)) {
                    Platform.runLater(() -> {
                        waiting.set(false);
                        if (node.getScene() != null) {
                            redraw.accept(System.nanoTime());
                        }
                    });
                }
            }, 0, interval, TimeUnit.NANOSECONDS));
        };
        node.sceneProperty().addListener(onScene);
        if (node.getScene() != null) {
            onScene.changed(node.sceneProperty(), null, node.getScene()); // already shown
        }
    }
}
