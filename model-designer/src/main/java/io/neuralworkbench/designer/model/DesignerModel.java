package io.neuralworkbench.designer.model;

import io.neuralworkbench.designer.commands.InsertBlock;
import io.neuralworkbench.engine.network.NetworkDescription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The designer's view model: the canvas state (network + positions), the selection, the undo history and the
 * validation of the current network. Free of JavaFX nodes, so it is tested without a screen; the views listen
 * for changes and redraw. Not thread-safe: use it from one thread (the FX thread in the application).
 */
public final class DesignerModel {
    /**
     * What changed, so a view can skip work: the selection alone changes often (every click). {@code ANALYSIS}:
     * the validation of the current network arrived from the background (big networks only).
     */
    public enum Change { CONTENT, SELECTION, ANALYSIS }

    /** Validates a network; {@link NetworkAnalysis#of} unless a test wants a slow one. Called on any thread. */
    @FunctionalInterface
    public interface Analyser {
        NetworkAnalysis analyse(NetworkDescription network, int batchSize, DatasetFacts dataset);
    }

    /** Told after every change. */
    @FunctionalInterface
    public interface Listener {
        void changed(Change change);
    }

    private static final int UNDO_LIMIT = 500;

    private DesignState state;
    private final UndoHistory history = new UndoHistory(UNDO_LIMIT);
    private final Set<String> selection = new LinkedHashSet<>();
    private final List<Listener> listeners = new ArrayList<>();
    private BlockLibrary blocks = new BlockLibrary();
    private int batchSize = 32;
    private DatasetFacts dataset;
    private NetworkAnalysis analysis;
    /** The network {@link #analysis} is of: moves leave it unchanged, so they skip re-validation. */
    private NetworkDescription analysedNetwork;
    private Analyser analyser = NetworkAnalysis::of;
    /** Null: validate on the calling thread. Otherwise networks of {@link #backgroundFrom} nodes or more go here. */
    private Executor background;
    /** Where a background result is handed back: the thread that owns this model (the FX thread). */
    private Executor owner;
    private int backgroundFrom;
    /** Numbers the analyses asked for; a result is used only if no newer one was asked for since (latest edit wins). */
    private final AtomicLong analysisRequest = new AtomicLong();
    private boolean analysisPending;

    public DesignerModel(DesignState state) {
        this.state = state;
        analyse();
    }

    /**
     * Validates networks of {@code fromNodes} nodes or more on {@code background}, so an edit of a big network
     * does not wait for it; the result is handed to {@code owner} (e.g. {@code Platform::runLater}) and announced
     * as {@link Change#ANALYSIS}. Until it arrives {@link #analysis()} is the previous one and
     * {@link #analysisPending()} is true. A result for a network that has been edited again is dropped.
     */
    public void validateInBackground(Executor background, Executor owner, int fromNodes) {
        this.background = Objects.requireNonNull(background);
        this.owner = Objects.requireNonNull(owner);
        this.backgroundFrom = fromNodes;
    }

    /** Replaces the validation (tests use a slow one). */
    public void useAnalyser(Analyser newAnalyser) {
        analyser = Objects.requireNonNull(newAnalyser);
    }

    /** True while the current network's validation runs in the background. */
    public boolean analysisPending() {
        return analysisPending;
    }

    /** A model showing the network laid out top to bottom. */
    public static DesignerModel of(NetworkDescription network) {
        return new DesignerModel(DesignState.laidOut(network));
    }

    public DesignState state() {
        return state;
    }

    public NetworkDescription network() {
        return state.network();
    }

    public NetworkAnalysis analysis() {
        return analysis;
    }

    /**
     * Applies an edit, re-validates and records it for undo (an edit that changes nothing is not recorded).
     *
     * @throws CommandRefusedException when the edit is not possible; nothing changes then
     */
    public void execute(DesignerCommand command) {
        DesignState before = state;
        DesignState after = command.applyTo(before);
        if (after.equals(before) && command.nodesToSelect().isEmpty()) {
            return; // e.g. a value typed again unchanged: nothing to undo
        }
        Set<String> selectionBefore = new LinkedHashSet<>(selection);
        state = after;
        Set<String> toSelect = command.nodesToSelect();
        if (!toSelect.isEmpty()) {
            selection.clear();
            selection.addAll(toSelect);
        }
        selection.retainAll(state.nodeNames());
        history.record(new UndoHistory.Step(command.description(), before, after, selectionBefore, selection));
        contentChanged();
    }

    /** Like {@link #execute} but returns the refusal reason instead of throwing it, as the views want it. */
    public Optional<String> tryExecute(DesignerCommand command) {
        try {
            execute(command);
            return Optional.empty();
        } catch (CommandRefusedException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    public boolean canUndo() {
        return history.undoDescription().isPresent();
    }

    public boolean canRedo() {
        return history.redoDescription().isPresent();
    }

    /** E.g. "add dense1", for the Edit menu's "Undo add dense1". */
    public Optional<String> undoDescription() {
        return history.undoDescription();
    }

    public Optional<String> redoDescription() {
        return history.redoDescription();
    }

    public void undo() {
        history.undo().ifPresent(step -> {
            state = step.before();
            selection.clear();
            selection.addAll(step.selectionBefore());
            contentChanged();
        });
    }

    public void redo() {
        history.redo().ifPresent(step -> {
            state = step.after();
            selection.clear();
            selection.addAll(step.selectionAfter());
            contentChanged();
        });
    }

    /** Starts over with another network (a file opened, a template chosen): history and selection are cleared. */
    public void replace(DesignState newState) {
        state = newState;
        history.clear();
        selection.clear();
        contentChanged();
    }

    /** Why a wire from {@code from} to {@code to} cannot be drawn, or empty when it can. */
    public Optional<String> connectionProblem(String from, String to) {
        return ConnectionCheck.problem(state.network(), from, to,
                analysis.problems().stream().map(Problem::diagnostic).toList());
    }

    /**
     * The selected nodes as network JSON, for the system clipboard (with the blocks selected whole, so they paste
     * as blocks); null when nothing is selected.
     */
    public String copySelection() {
        return selection.isEmpty() ? null : NetworkClipboard.copy(state, selection);
    }

    /** Pastes copied nodes (and blocks) at a point; the pasted nodes become the selection. */
    public void paste(String clipboardText, double left, double top) {
        execute(InsertBlock.laidOut(NetworkClipboard.parseCopied(clipboardText), left, top, "paste"));
    }

    /** "My blocks": grouped blocks kept to insert again. */
    public BlockLibrary blocks() {
        return blocks;
    }

    /** Shares one library between designers (e.g. every project of a window); set before the views are made. */
    public void useBlockLibrary(BlockLibrary library) {
        blocks = java.util.Objects.requireNonNull(library);
    }

    // --- selection ---

    public Set<String> selection() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(selection));
    }

    public boolean isSelected(String nodeName) {
        return selection.contains(nodeName);
    }

    public void select(Collection<String> nodeNames) {
        Set<String> wanted = new LinkedHashSet<>(nodeNames);
        wanted.retainAll(state.nodeNames());
        if (!wanted.equals(selection)) {
            selection.clear();
            selection.addAll(wanted);
            fire(Change.SELECTION);
        }
    }

    /** Shift-click: adds the node to the selection, or takes it out. */
    public void toggleSelected(String nodeName) {
        Set<String> wanted = new LinkedHashSet<>(selection);
        if (!wanted.remove(nodeName)) {
            wanted.add(nodeName);
        }
        select(wanted);
    }

    public void selectAll() {
        select(state.nodeNames());
    }

    public void clearSelection() {
        select(List.of());
    }

    /** The one selected node, the inspector's subject; empty with none or several selected. */
    public Optional<String> singleSelection() {
        return selection.size() == 1 ? Optional.of(selection.iterator().next()) : Optional.empty();
    }

    // --- validation settings ---

    public int batchSize() {
        return batchSize;
    }

    /** The batch size the memory estimate assumes. */
    public void setBatchSize(int newBatchSize) {
        if (newBatchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one sample, was " + newBatchSize);
        }
        batchSize = newBatchSize;
        analysedNetwork = null;
        contentChanged();
    }

    public Optional<DatasetFacts> dataset() {
        return Optional.ofNullable(dataset);
    }

    /** The loaded dataset, against which input shape and output units are checked; null when there is none. */
    public void setDataset(DatasetFacts facts) {
        dataset = facts;
        analysedNetwork = null;
        contentChanged();
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void contentChanged() {
        selection.retainAll(state.nodeNames());
        if (!state.network().equals(analysedNetwork)) {
            analyse();
        }
        fire(Change.CONTENT);
    }

    private void analyse() {
        NetworkDescription network = state.network();
        long request = analysisRequest.incrementAndGet();
        if (background == null || network.nodes().size() < backgroundFrom) {
            analysis = analyser.analyse(network, batchSize, dataset);
            analysedNetwork = network;
            analysisPending = false;
            return;
        }
        analysisPending = true;
        analysedNetwork = network; // asked for: the same network again (a move) needs no second analysis
        int batch = batchSize;
        DatasetFacts facts = dataset;
        background.execute(() -> {
            if (analysisRequest.get() != request) {
                return; // edited again while this waited: only the newest edit is worth validating
            }
            NetworkAnalysis result;
            try {
                result = analyser.analyse(network, batch, facts);
            } catch (RuntimeException bug) {
                owner.execute(() -> {
                    analysisPending = analysisPending && analysisRequest.get() != request;
                    throw bug; // to the owner thread's handler, as it would have been without the background
                });
                return;
            }
            owner.execute(() -> {
                if (analysisRequest.get() == request) {
                    analysis = result;
                    analysisPending = false;
                    fire(Change.ANALYSIS);
                }
            });
        });
    }

    private void fire(Change change) {
        List.copyOf(listeners).forEach(listener -> listener.changed(change));
    }
}
