package io.neuralworkbench.engine.project;

import java.util.List;
import java.util.Objects;

/**
 * A named block of nodes the designer shows folded (a user's grouping), with the blocks inside it. Kept in the
 * project beside the node positions; the engine itself never reads it.
 *
 * @param members every node of the block, inner blocks' nodes included
 * @param inner   blocks inside this one, each within {@code members}
 */
public record NodeBlock(String name, List<String> members, List<NodeBlock> inner) {
    public NodeBlock {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        inner = inner == null ? List.of() : List.copyOf(inner);
    }
}
