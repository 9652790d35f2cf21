package io.neuralworkbench.designer.model;

import java.util.Collection;

/** Node names are what wires and messages refer to, so new nodes get names no other node has. */
public final class NodeNames {
    private NodeNames() {
    }

    /** {@code wanted} if it is free, otherwise its stem (without trailing digits) numbered from 1: dense1 → dense2. */
    public static String unique(String wanted, Collection<String> taken) {
        if (!taken.contains(wanted)) {
            return wanted;
        }
        return numbered(wanted.replaceFirst("\\d+$", ""), taken);
    }

    /** The first free name of stem1, stem2, … */
    public static String numbered(String stem, Collection<String> taken) {
        for (int number = 1; ; number++) {
            String candidate = stem + number;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
