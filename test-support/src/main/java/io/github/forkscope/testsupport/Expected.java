package io.github.forkscope.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a scenario must leave in the database, worked out from JTA's rules and the container-
 * managed persistence context's, with no reference to Forkscope's code: the steps whose writes
 * commit. A step runs in the transaction its kind gives it; a step with no transaction writes to
 * the persistence context of its section, which a transaction that begins directly inside that
 * section joins (committing what is pending there), and which is discarded when the section ends
 * (a suspended one as its method returns, the context's own as the context ends). A rollback
 * clears the persistence contexts of its transaction, as both providers do. A failing step throws
 * after its nested steps returned; its caller catches it, and a failure that leaves a boundary
 * marks a transaction it joined for rollback (a plain call, with no boundary, marks nothing).
 *
 * @param <K> the kinds of boundary
 */
public final class Expected<K> {

    private final Function<K, TransactionRule> rules;
    private final Predicate<K> marksRollback;
    private final Set<Integer> committed = new TreeSet<>();

    private Expected(Function<K, TransactionRule> rules, Predicate<K> marksRollback) {
        this.rules = rules;
        this.marksRollback = marksRollback;
    }

    /**
     * The steps, by index, whose writes are committed.
     *
     * @param rules         the rule each kind follows
     * @param marksRollback whether a kind's failure marks a transaction it joined for rollback
     */
    public static <K> Set<Integer> committed(List<Step<K>> steps, Function<K, TransactionRule> rules,
                                             Predicate<K> marksRollback) {
        Expected<K> model = new Expected<>(rules, marksRollback);
        Section context = new Section(null, new Group());
        for (Step<K> step : steps) {
            model.run(step, context);
        }
        return model.committed;
    }

    private static final class Group {
        final List<Integer> pending = new ArrayList<>();
    }

    private static final class Transaction {
        final List<Group> groups = new ArrayList<>();
        boolean rollbackOnly;
    }

    private record Section(Transaction transaction, Group group) {
    }

    /** @return whether the step threw to its caller */
    private boolean run(Step<K> step, Section caller) {
        Transaction callers = caller.transaction();
        Transaction mine;
        switch (rules.apply(step.kind())) {
            case REQUIRED -> mine = callers != null ? callers : new Transaction();
            case REQUIRES_NEW -> mine = new Transaction();
            case MANDATORY -> {
                if (callers == null) {
                    return true;
                }
                mine = callers;
            }
            case SUPPORTS -> mine = callers;
            case NOT_SUPPORTED -> mine = null;
            case NEVER -> {
                if (callers != null) {
                    return true;
                }
                mine = null;
            }
            default -> throw new IllegalArgumentException(String.valueOf(step.kind()));
        }
        boolean began = mine != null && mine != callers;
        Section section;
        if (mine == callers) {
            section = caller;
        } else if (mine == null) {
            section = new Section(null, new Group()); // suspended: a persistence context of its own
        } else {
            Group group = callers == null ? caller.group() : new Group();
            mine.groups.add(group);
            section = new Section(mine, group);
        }
        section.group().pending.add(step.index());
        for (Step<K> nested : step.nested()) {
            run(nested, section);
        }
        boolean fail = step.fails();
        if (began) {
            boolean commits = !fail && !mine.rollbackOnly;
            for (Group group : mine.groups) {
                if (commits) {
                    committed.addAll(group.pending);
                }
                group.pending.clear();
            }
            return !commits;
        }
        if (mine != null && fail && marksRollback.test(step.kind())) {
            mine.rollbackOnly = true;
        }
        if (mine == null && callers != null) {
            section.group().pending.clear(); // the suspended section ends with its method
        }
        return fail;
    }
}
