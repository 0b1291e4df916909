package io.github.forkscope.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a transaction scenario: the kind of boundary it runs in (whatever type the tests
 * that run it use), whether it fails after its nested steps returned, and the steps it calls, in
 * order. Steps are numbered in the order they run.
 *
 * @param <K> the kinds of boundary
 */
public record Step<K>(int index, K kind, boolean fails, List<Step<K>> nested) {

    /**
     * The scenarios of {@code count} steps over the given kinds, in every shape a program can call
     * them (one after the other, or nested in each other), with the given failure patterns.
     *
     * @param patterns bit sets, over the steps' indexes, of the steps that fail
     */
    public static <K> List<List<Step<K>>> scenarios(List<K> kinds, int count, List<Integer> patterns) {
        List<List<Step<K>>> all = new ArrayList<>();
        for (int[] depths : shapes(count)) {
            for (List<K> sequence : sequences(kinds, count)) {
                for (int pattern : patterns) {
                    all.add(tree(depths, sequence, pattern));
                }
            }
        }
        return all;
    }

    /** Every pre-order list of depths of {@code count} steps: the first at 0, each at most one deeper than the last. */
    public static List<int[]> shapes(int count) {
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

    private static <K> List<List<K>> sequences(List<K> kinds, int count) {
        List<List<K>> previous = List.of(List.of());
        for (int length = 1; length <= count; length++) {
            List<List<K>> next = new ArrayList<>();
            for (List<K> prefix : previous) {
                for (K kind : kinds) {
                    List<K> sequence = new ArrayList<>(prefix);
                    sequence.add(kind);
                    next.add(sequence);
                }
            }
            previous = next;
        }
        return previous;
    }

    /** The top-level steps of one scenario. */
    private static <K> List<Step<K>> tree(int[] depths, List<K> kinds, int pattern) {
        List<List<Step<K>>> open = new ArrayList<>();
        open.add(new ArrayList<>());
        for (int i = 0; i < depths.length; i++) {
            while (open.size() > depths[i] + 1) {
                open.remove(open.size() - 1);
            }
            Step<K> step = new Step<>(i, kinds.get(i), (pattern & 1 << i) != 0, new ArrayList<>());
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
