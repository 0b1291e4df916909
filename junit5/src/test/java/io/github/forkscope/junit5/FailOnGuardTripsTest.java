package io.github.forkscope.junit5;

import io.github.forkscope.Forkscope;
import io.github.forkscope.GlobalContextException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;


import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * {@link FailOnGuardTrips}: test classes run through JUnit's own engine. Changes the test's own
 * context or a nested one discards, and a guard error the code under test caught, fail the test
 * with the code and the warning's text; a test that saves what it changes passes.
 */
class FailOnGuardTripsTest {

    @Test
    void changesLeftToBeDiscardedFailTheTestNamingTheCodeAndTheEntity() {
        Events events = run(LeavesChanges.class);
        events.assertStatistics(stats -> stats.started(2).failed(2));
        events.failed().assertThatEvents().allMatch(e -> finishedWithFailure(message(m ->
                m.contains("guard rails tripped during the test: {FORKSCOPE-105=1}") && m.contains("1 changed Note"))).matches(e));
    }

    @Test
    void aGuardErrorTheCodeCaughtStillFailsTheTest() {
        Events events = run(SwallowsAGuardError.class);
        events.assertStatistics(stats -> stats.started(1).failed(1));
        events.failed().assertThatEvents().allMatch(e -> finishedWithFailure(message(m ->
                m.contains("{FORKSCOPE-001=1}"))).matches(e));
    }

    @Test
    void aTestThatSavesWhatItChangesPasses() {
        run(SavesItsChanges.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    @ForkscopeTest
    @FailOnGuardTrips
    static class LeavesChanges extends WithNotes {

        @Test
        void changesAnEntityOfItsOwnContextWithoutSaving() {
            notes.find("main", 1).setText("never saved");
        }

        @Test
        void changesAnEntityInANestedContextWithoutSaving() {
            Forkscope.run(() -> notes.find("eclipselink", 1).setText("never saved"));
        }
    }

    @ForkscopeTest
    @FailOnGuardTrips
    static class SwallowsAGuardError extends WithNotes {

        @Test
        void readsOnAThreadWithoutAContextAndCatchesTheError() throws InterruptedException {
            Thread thread = new Thread(() -> {
                try {
                    notes.find("main", 1);
                } catch (GlobalContextException swallowed) {
                    // the code under test hides the error; the counters do not
                }
            });
            thread.start();
            thread.join();
            assertTrue(true);
        }
    }

    @ForkscopeTest
    @FailOnGuardTrips
    static class SavesItsChanges extends WithNotes {

        @Test
        void changesAndCommits() {
            Forkscope.transactional("main", () -> notes.find("main", 1).setText("saved"));
        }
    }
}
