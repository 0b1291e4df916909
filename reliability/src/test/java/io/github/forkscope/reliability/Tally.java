package io.github.forkscope.reliability;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counts of one scenario's load: requests, answers by error code, and what the checks count
 * against it (cross-request leaks, hung requests, uncoded errors, coded errors the scenario did not
 * inject). Thread-safe: the clients add to it concurrently.
 */
final class Tally {

    final LongAdder requests = new LongAdder();
    final LongAdder leaks = new LongAdder();
    final LongAdder hung = new LongAdder();
    final LongAdder uncoded = new LongAdder();
    final LongAdder unexpected = new LongAdder();
    final LongAdder faults = new LongAdder();
    final LongAccumulator slowestError = new LongAccumulator(Math::max, 0);
    /** When the last error answer arrived (System.nanoTime), to see that the pool recovered. */
    final AtomicLong lastError = new AtomicLong(Long.MIN_VALUE);
    private final Map<String, LongAdder> codes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> events = new ConcurrentHashMap<>();
    private final Set<String> allowed;
    private final Set<String> droppedTaskContexts;
    private final Map<String, String> examples = new ConcurrentHashMap<>();

    /**
     * {@code allowed}: the error codes the scenario's fault causes; {@code droppedTaskContexts}: the
     * codes of an executor task the server ran without its request's context ({@link
     * Server#droppedTaskContexts}), counted as such an event when a task's answer has one. Any other
     * code is counted as unexpected.
     */
    Tally(Set<String> allowed, Set<String> droppedTaskContexts) {
        this.allowed = allowed;
        this.droppedTaskContexts = droppedTaskContexts;
    }

    void error(String code, String line, long millis) {
        error(code, line, millis, false);
    }

    /** {@code task}: the answer came from an executor task the request submitted. */
    void error(String code, String line, long millis, boolean task) {
        codes.computeIfAbsent(code, c -> new LongAdder()).increment();
        examples.putIfAbsent(code, line);
        slowestError.accumulate(millis);
        lastError.set(System.nanoTime());
        if (code.equals("UNCODED") || code.startsWith("HTTP-")) {
            uncoded.increment();
        } else if (task && droppedTaskContexts.contains(code)) {
            event("tasks the server ran without their request's context (" + code + ")", 1);
        } else if (!allowed.contains(code)) {
            unexpected.increment();
        }
    }

    /** Counts something a scenario watches for that is not an error: refused racers, redeliveries. */
    void event(String name, long count) {
        events.computeIfAbsent(name, c -> new LongAdder()).add(count);
    }

    Map<String, Long> codes() {
        return sums(codes);
    }

    Map<String, Long> events() {
        return sums(events);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> counts = new TreeMap<>();
        adders.forEach((name, count) -> counts.put(name, count.sum()));
        return counts;
    }

    /** The first answer seen with each code, for a failing check's message. */
    Map<String, String> examples() {
        return new TreeMap<>(examples);
    }
}
