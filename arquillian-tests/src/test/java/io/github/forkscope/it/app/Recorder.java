package io.github.forkscope.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Records the forks that timer ticks and messages ran on, to report how many were distinct and still open. */
@ApplicationScoped
public class Recorder {
    private final List<EntityManager> forks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public synchronized void record(String channel, EntityManager fork, String note) {
        forks.add(fork);
        notes.add(channel + ":" + note);
    }

    public synchronized void clear() {
        forks.clear();
        notes.clear();
    }

    public synchronized int count(String channel) {
        return (int) notes.stream().filter(n -> n.startsWith(channel + ":")).count();
    }

    public synchronized String report() {
        Set<EntityManager> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(forks);
        long open = forks.stream().filter(EntityManager::isOpen).count();
        return "{\"records\":" + forks.size() + ",\"distinctForks\":" + distinct.size() + ",\"openForks\":" + open
                + ",\"notes\":\"" + String.join(",", notes) + "\"}";
    }
}
