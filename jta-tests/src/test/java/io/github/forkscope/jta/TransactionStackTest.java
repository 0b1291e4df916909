package io.github.forkscope.jta;

import io.github.forkscope.Forkscope;
import io.github.forkscope.testsupport.TransactionBoundaries;
import io.github.forkscope.testsupport.Expected;
import io.github.forkscope.testsupport.Step;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transaction stack, swept rather than sampled: every scenario of one, two and three steps
 * over every kind ({@code REQUIRED}, {@code REQUIRES_NEW}, {@code MANDATORY}, {@code SUPPORTS},
 * {@code NOT_SUPPORTED}, {@code NEVER}, {@code Forkscope.transactional}), in every shape (one
 * after another, nested, or both), with failing steps, runs in a context of its own. Each step
 * persists a note and changes a seeded item by a setter only, then calls its nested steps
 * (catching their failures), then fails or returns. Plain JDBC then shows which notes and changes
 * were committed, and they must be exactly those {@link Expected} works out from JTA's rules:
 * each change committed when, and only when, the section it was made in commits. On
 * resource-local units the same sweep runs with {@code Forkscope.transactional} and plain calls.
 */
class TransactionStackTest extends JtaTest {

    private static final List<Kind> JTA_KINDS = List.of(Kind.REQUIRED, Kind.REQUIRES_NEW, Kind.MANDATORY,
            Kind.SUPPORTS, Kind.NOT_SUPPORTED, Kind.NEVER, Kind.FORKSCOPE_TRANSACTIONAL);
    private static final List<Kind> LOCAL_KINDS = List.of(Kind.FORKSCOPE_TRANSACTIONAL, Kind.PLAIN);

    @ParameterizedTest
    @ValueSource(strings = {"hibernate", "eclipselink"})
    void everyNestingOfJtaKindsCommitsEachChangeWithItsOwnSection(String unit) throws SQLException {
        assertSwept(unit, JTA_KINDS, 7 * 2 + 49 * 2 * 4 + 343 * 5 * 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local-hibernate", "local-eclipselink"})
    void everyNestingOfResourceLocalTransactionsCommitsEachChangeWithItsOwnTransaction(String unit) throws SQLException {
        assertSwept(unit, LOCAL_KINDS, 2 * 2 + 4 * 2 * 4 + 8 * 5 * 8);
    }

    /**
     * Every scenario of one, two and three steps in every shape: one step with and without a
     * failure; two with every failure pattern; three with none failing, each one failing alone,
     * and all failing (every pattern for the resource-local kinds, which are fewer).
     */
    private void assertSwept(String unit, List<Kind> kinds, int expectedCount) throws SQLException {
        List<String> failures = new ArrayList<>();
        List<List<Step<Kind>>> scenarios = new ArrayList<>(Step.scenarios(kinds, 1, List.of(0, 1)));
        scenarios.addAll(Step.scenarios(kinds, 2, List.of(0, 1, 2, 3)));
        scenarios.addAll(Step.scenarios(kinds, 3, kinds.size() > 2 ? List.of(0, 1, 2, 4, 7) : List.of(0, 1, 2, 3, 4, 5, 6, 7)));
        for (List<Step<Kind>> scenario : scenarios) {
            String failure = scenario(unit, scenario);
            if (failure != null) {
                failures.add(failure);
            }
        }
        assertEquals(expectedCount, scenarios.size(), "scenarios run");
        assertTrue(failures.isEmpty(), failures.size() + " of " + scenarios.size() + " scenarios broke the stack's rules, "
                + "first ones:\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    /** Runs one scenario in a context of its own; returns what differed from the model, or null. */
    private String scenario(String unit, List<Step<Kind>> steps) throws SQLException {
        jdbcUpdate(unit, "delete from Note");
        jdbcUpdate(unit, "update Item set label = '" + SEED + "'");
        long first = newId();
        newId();
        newId();
        TransactionBoundaries levels = bean(TransactionBoundaries.class);
        EntityManager em = em(unit);
        Forkscope.run(() -> steps.forEach(step -> run(levels, unit, em, step, first)));
        Set<Integer> expected = Expected.committed(steps, Kind::rule, Kind::marksRollback);
        Set<Integer> notes = new TreeSet<>();
        Set<Integer> changes = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            if (jdbcCount(unit, "select count(*) from Note where id = " + (first + i)) == 1) {
                notes.add(i);
            }
            if (("step " + i).equals(jdbcString(unit, "select label from Item where id = " + (i + 1)))) {
                changes.add(i);
            }
        }
        if (notes.equals(expected) && changes.equals(expected)) {
            return null;
        }
        return steps + ": expected steps " + expected + " committed, notes " + notes + ", changes " + changes;
    }

    private static void run(TransactionBoundaries levels, String unit, EntityManager em, Step<Kind> step, long first) {
        try {
            step.kind().run(levels, unit, () -> {
                em.persist(new Note(first + step.index(), "step " + step.index()));
                em.find(Item.class, (long) step.index() + 1).setLabel("step " + step.index());
                step.nested().forEach(nested -> run(levels, unit, em, nested, first));
                if (step.fails()) {
                    throw new StepFailed(step.index());
                }
            });
        } catch (Exception expected) {
            // a failing step, a refused MANDATORY or NEVER, a commit of a transaction marked for rollback
        }
    }

    private static final class StepFailed extends RuntimeException {
        StepFailed(int index) {
            super("step " + index + " fails", null, false, false);
        }
    }
}
