package io.neuralworkbench.designer.model;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The undo and redo stacks: each step remembers the state before and after one command. */
public final class UndoHistory {
    /** One applied command, with the selection before and after it so undo/redo also restore what was selected. */
    public record Step(String description, DesignState before, DesignState after,
                       Set<String> selectionBefore, Set<String> selectionAfter) {
        public Step {
            selectionBefore = Collections.unmodifiableSet(new LinkedHashSet<>(selectionBefore));
            selectionAfter = Collections.unmodifiableSet(new LinkedHashSet<>(selectionAfter));
        }
    }

    private final Deque<Step> undoable = new ArrayDeque<>();
    private final Deque<Step> redoable = new ArrayDeque<>();
    private final int limit;

    public UndoHistory(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("an undo history must hold at least one step, was " + limit);
        }
        this.limit = limit;
    }

    /** A new edit: it can be undone, and what was undone before can no longer be redone. */
    public void record(Step step) {
        undoable.push(step);
        redoable.clear();
        while (undoable.size() > limit) {
            undoable.removeLast();
        }
    }

    /** The step to undo, moved to the redo stack; empty when there is nothing to undo. */
    public Optional<Step> undo() {
        Step step = undoable.poll();
        if (step != null) {
            redoable.push(step);
        }
        return Optional.ofNullable(step);
    }

    public Optional<Step> redo() {
        Step step = redoable.poll();
        if (step != null) {
            undoable.push(step);
        }
        return Optional.ofNullable(step);
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undoable.peek()).map(Step::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redoable.peek()).map(Step::description);
    }

    public void clear() {
        undoable.clear();
        redoable.clear();
    }
}
