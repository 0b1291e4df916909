package io.github.forkscope.jta;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a scenario: the kind of boundary it runs in, whether it fails after its nested
 * steps returned, and the steps it calls, in order. Steps are numbered in the order they run.
 */
record Step(int index, Kind kind, boolean fails, List<Step> nested) {

    /**
     * The scenarios of {@code count} steps over the given kinds, in every shape a program can call
     * them (one after the other, or nested in each other), with the given failure patterns.
     *
     * @param patterns bit sets, over the steps' indexes, of the steps that fail
     */
    static List<List<Step>> scenarios(List<Kind> kinds, int count, List<Integer> patterns) {
        List<List<Step>> all = new ArrayList<>();
        for (int[] depths : shapes(count)) {
            for (List<Kind> sequence : sequences(kinds, count)) {
                for (int pattern : patterns) {
                    all.add(tree(depths, sequence, pattern));
                }
            }
        }
        return all;
    }

    /** Every pre-order list of depths of {@code count} steps: the first at 0, each at most one deeper than the last. */
    static List<int[]> shapes(int count) {
        List<int[]> shapes = new ArrayList<>();
        shape(new int[count], 0, shapes);
        return shapes;
    }

    private static void shape(int[] depths, int at, List<int[]> shapes) {
        if (at == depths.length) {
            shapes.add(depths.clone());
            return;
        }
        int deepest = at == 0 ? 0 : depths[at - 1] + 1;
        for (int depth = 0; depth <= deepest; depth++) {
            depths[at] = depth;
            shape(depths, at + 1, shapes);
        }
    }

    private static List<List<Kind>> sequences(List<Kind> kinds, int count) {
        List<List<Kind>> previous = List.of(List.of());
        for (int length = 1; length <= count; length++) {
            List<List<Kind>> next = new ArrayList<>();
            for (List<Kind> prefix : previous) {
                for (Kind kind : kinds) {
                    List<Kind> sequence = new ArrayList<>(prefix);
                    sequence.add(kind);
                    next.add(sequence);
                }
            }
            previous = next;
        }
        return previous;
    }

    /** The top-level steps of one scenario. */
    private static List<Step> tree(int[] depths, List<Kind> kinds, int pattern) {
        List<List<Step>> open = new ArrayList<>();
        open.add(new ArrayList<>());
        for (int i = 0; i < depths.length; i++) {
            while (open.size() > depths[i] + 1) {
                open.remove(open.size() - 1);
            }
            Step step = new Step(i, kinds.get(i), (pattern & 1 << i) != 0, new ArrayList<>());
            open.get(depths[i]).add(step);
            open.add(step.nested());
        }
        return open.get(0);
    }

    @Override
    public String toString() {
        return kind + (fails ? "!" : "") + (nested.isEmpty() ? "" : nested.toString());
    }
}
