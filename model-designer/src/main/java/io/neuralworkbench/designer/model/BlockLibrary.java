package io.neuralworkbench.designer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "My blocks": the blocks the user grouped, to insert again. Not part of the undo history (like the clipboard,
 * it outlives the edits); one library can be shared by several designers, and {@link BlockLibraryFile} keeps it
 * between sessions.
 */
public final class BlockLibrary {
    private final Map<String, SavedBlock> blocks = new LinkedHashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();

    /** Keeps the block; one of the same name is replaced. */
    public void put(SavedBlock block) {
        blocks.remove(block.name()); // a replaced block moves to the end, as the newest
        blocks.put(block.name(), block);
        List.copyOf(listeners).forEach(Runnable::run);
    }

    /** Keeps all the blocks (e.g. read from the user's file), telling the listeners once. */
    public void putAll(List<SavedBlock> loaded) {
        for (SavedBlock block : loaded) {
            blocks.remove(block.name());
            blocks.put(block.name(), block);
        }
        List.copyOf(listeners).forEach(Runnable::run);
    }

    public List<SavedBlock> blocks() {
        return List.copyOf(blocks.values());
    }

    public Optional<SavedBlock> block(String name) {
        return Optional.ofNullable(blocks.get(name));
    }

    /** Told after every change. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }
}
