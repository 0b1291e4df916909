package io.github.forkscope.reliability.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outcome of every write that no client waits for (a timer tick, a message delivery), as the
 * transaction manager reports it when the write's transaction completes: the checks compare the
 * committed ones with the rows the database holds. Thread-safe: outcomes arrive on many threads.
 */
@ApplicationScoped
public class Ledger {

    // "timer 42" -> "committed" or "rolled-back"; a redelivered message's last outcome wins
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Integer> rollbacks = new ConcurrentHashMap<>();

    @Resource
    TransactionSynchronizationRegistry registry;

    /** Records the outcome of the current transaction, which wrote the row {@code id} of {@code kind}. */
    public void track(String kind, long id) {
        String key = kind + " " + id;
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    outcomes.put(key, "committed");
                } else {
                    outcomes.merge(key, "rolled-back", (before, now) -> before);
                    rollbacks.merge(kind, 1, Integer::sum);
                }
            }
        });
    }

    /** One line per write, {@code committed timer 42}, then {@code rollbacks KIND N}. */
    public String report() {
        StringBuilder text = new StringBuilder();
        outcomes.forEach((key, outcome) -> text.append(outcome).append(' ').append(key).append('\n'));
        rollbacks.forEach((kind, count) -> text.append("rollbacks ").append(kind).append(' ').append(count).append('\n'));
        return text.toString();
    }
}
