package io.github.forkscope.reliability;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The application's ledger of the writes no client waits for (timer ticks, message deliveries), as
 * the transaction manager reported their outcomes, read over HTTP. Immutable after reading.
 */
final class Ledger {

    private final Map<String, Set<Long>> committed = new HashMap<>();
    private final Map<String, Long> rollbacks = new HashMap<>();

    static Ledger read(Server server, String app) throws Exception {
        Ledger ledger = new Ledger();
        for (String line : server.get(app, "checks/ledger").split("\n")) {
            String[] words = line.split(" ");
            if (words[0].equals("committed")) {
                ledger.committed.computeIfAbsent(words[1], kind -> new HashSet<>()).add(Long.parseLong(words[2]));
            } else if (words[0].equals("rollbacks")) {
                ledger.rollbacks.put(words[1], Long.parseLong(words[2]));
            }
        }
        return ledger;
    }

    Set<Long> committed(String kind) {
        return committed.getOrDefault(kind, Set.of());
    }

    long rollbacks(String kind) {
        return rollbacks.getOrDefault(kind, 0L);
    }
}
