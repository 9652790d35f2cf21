package io.neuralworkbench.designer.model;

import io.neuralworkbench.engine.UserInputException;
import io.neuralworkbench.engine.network.NetworkDescription;
import io.neuralworkbench.engine.network.NetworkJson;

import java.util.Collection;
import java.util.Set;

/**
 * Copied nodes travel as the engine's network JSON (text on the system clipboard), so they can be pasted into
 * another project or another running copy of the workbench, and even edited by hand in between.
 */
public final class NetworkClipboard {
    private NetworkClipboard() {
    }

    /** The named nodes and the wires between them (wires to other nodes are left behind). */
    public static NetworkDescription subNetwork(NetworkDescription network, Collection<String> names) {
        Set<String> kept = Set.copyOf(names);
        return new NetworkDescription(network.name(),
                network.nodes().stream().filter(node -> kept.contains(node.name())).toList(),
                network.edges().stream().filter(e -> kept.contains(e.from()) && kept.contains(e.to())).toList());
    }

    public static String copy(NetworkDescription network, Collection<String> names) {
        return NetworkJson.toJson(subNetwork(network, names));
    }

    /** @throws CommandRefusedException when the text is not network JSON, with the reason */
    public static NetworkDescription parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CommandRefusedException("The clipboard is empty.");
        }
        try {
            return NetworkJson.fromJson(text);
        } catch (UserInputException e) {
            throw new CommandRefusedException("The clipboard does not hold network nodes: " + e.getMessage());
        }
    }
}
