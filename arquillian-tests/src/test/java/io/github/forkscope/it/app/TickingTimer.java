package io.github.forkscope.it.app;

import io.github.forkscope.Forkscope;
import io.github.forkscope.RequestContextual;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** A programmatic interval timer whose ticks each need a context of their own; one chosen tick fails. */
@Singleton
public class TickingTimer {
    @Resource
    TimerService timers;
    @Inject
    EntityManager em;
    @Inject
    Recorder recorder;

    private int ticksLeft;
    private int failingTick;
    private int tick;

    public void start(int ticks, int failingTick) {
        timers.getTimers().forEach(Timer::cancel);
        this.ticksLeft = ticks;
        this.failingTick = failingTick;
        this.tick = 0;
        timers.createIntervalTimer(50, 100, new TimerConfig("forkscope-ticks", false));
    }

    @Timeout
    @RequestContextual
    public void onTick(Timer timer) {
        if (ticksLeft <= 0) {
            timer.cancel();
            return;
        }
        ticksLeft--;
        tick++;
        Book book = em.find(Book.class, 1L);
        book.setTitle("changed by tick " + tick);
        recorder.record("tick", Forkscope.currentEntityManager().orElseThrow(), "tick" + tick);
        if (tick == failingTick) {
            throw new IllegalStateException("tick " + tick + " failed on purpose");
        }
    }
}
