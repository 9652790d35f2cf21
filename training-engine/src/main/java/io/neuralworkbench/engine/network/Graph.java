package io.neuralworkbench.engine.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wiring of a network as a directed graph, tolerant of the mistakes the validator reports: a repeated
 * node name counts once, and edges naming unknown nodes are left out.
 */
final class Graph {
    private final Map<String, List<String>> successors = new LinkedHashMap<>();
    private final Map<String, List<String>> predecessors = new LinkedHashMap<>();

    Graph(NetworkDescription network) {
        for (Node node : network.nodes()) {
            successors.putIfAbsent(node.name(), new ArrayList<>());
            predecessors.putIfAbsent(node.name(), new ArrayList<>());
        }
        for (Edge edge : network.edges()) {
            if (successors.containsKey(edge.from()) && successors.containsKey(edge.to())) {
                successors.get(edge.from()).add(edge.to());
                predecessors.get(edge.to()).add(edge.from());
            }
        }
    }

    /** Every node after all of its inputs; nodes on a cycle, and those after one, are left out. */
    List<String> topologicalOrder() {
        Map<String, Integer> waitingFor = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        predecessors.forEach((node, inputs) -> {
            waitingFor.put(node, inputs.size());
            if (inputs.isEmpty()) {
                ready.add(node);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String node = ready.remove();
            order.add(node);
            for (String next : successors.get(node)) {
                if (waitingFor.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        return order;
    }

    /** The nodes from which one of {@code ends} can be reached along the wires, including the ends. */
    Set<String> reaching(Collection<String> ends) {
        Set<String> seen = new LinkedHashSet<>(ends);
        Deque<String> todo = new ArrayDeque<>(ends);
        while (!todo.isEmpty()) {
            for (String previous : predecessors.get(todo.remove())) {
                if (seen.add(previous)) {
                    todo.add(previous);
                }
            }
        }
        return seen;
    }

    /**
     * One cycle through each group of nodes that feed each other (a strongly connected component of more than
     * one node), as the list of nodes along it starting from the group's first node. Self-loops are not included.
     */
    List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        for (Set<String> component : new StronglyConnected().components()) {
            if (component.size() > 1) {
                String start = component.iterator().next();
                cycles.add(pathBack(start, start, component, new ArrayList<>(), new HashSet<>()));
            }
        }
        return cycles;
    }

    /** Depth-first search within {@code component} for a path from {@code node} back to {@code start}. */
    private List<String> pathBack(String start, String node, Set<String> component, List<String> path,
                                  Set<String> visited) {
        path.add(node);
        visited.add(node);
        for (String next : successors.get(node)) {
            if (next.equals(start)) {
                return path;
            }
            if (component.contains(next) && !visited.contains(next)
                    && pathBack(start, next, component, path, visited) != null) {
                return path;
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    /** Tarjan's algorithm; components come out with their nodes in network order. */
    private final class StronglyConnected {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> lowLink = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        List<Set<String>> components() {
            for (String node : successors.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            lowLink.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : successors.get(node)) {
                if (!index.containsKey(next)) {
                    visit(next);
                    lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(next)));
                } else if (onStack.contains(next)) {
                    lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
                }
            }
            if (lowLink.get(node).equals(index.get(node))) {
                Set<String> members = new HashSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    members.add(member);
                } while (!member.equals(node));
                Set<String> inNetworkOrder = new LinkedHashSet<>();
                successors.keySet().stream().filter(members::contains).forEach(inNetworkOrder::add);
                components.add(inNetworkOrder);
            }
        }
    }
}
