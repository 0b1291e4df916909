package io.github.forkscope.reliability.app;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The faults the harness switches on inside the server while it drives load: timer ticks that throw
 * after writing. Thread-safe: a volatile setting read by the timer's thread.
 */
@ApplicationScoped
public class Faults {

    private volatile int tickThrowsEvery;

    /** Every {@code every}-th tick throws after writing; 0 lets every tick commit. */
    public void tickThrowsEvery(int every) {
        tickThrowsEvery = every;
    }

    public boolean tickThrows(long tick) {
        int every = tickThrowsEvery;
        return every > 0 && tick % every == 0;
    }
}
