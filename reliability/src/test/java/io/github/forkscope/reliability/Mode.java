package io.github.forkscope.reliability;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * How long the harness drives each scenario: {@code short} (the test command, about two minutes of
 * load in all) or {@code full} (the figures of RESULTS.md), from the system property
 * {@code reliability.mode}. Immutable, thread-safe.
 */
record Mode(String name, long loadRequests, Duration load, Duration fault, Duration twoInstances) {

    static final int CLIENTS = 64;
    /** A request that takes longer than this is counted as hung. */
    static final Duration HUNG = Duration.ofSeconds(15);
    /**
     * The one HTTP client of the harness, loads and checks alike: HTTP/1.1, as the JDK client's
     * upgrade to HTTP/2 in clear text fails on some of WildFly's larger answers.
     */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static Mode fromSystemProperty() {
        String name = System.getProperty("reliability.mode", "short");
        switch (name) {
            case "short":
                return new Mode(name, Long.MAX_VALUE, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(10));
            case "full":
                // the load scenario stops at 100,000 requests or 10 minutes, whichever comes first
                return new Mode(name, 100_000, Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofSeconds(60));
            default:
                throw new IllegalArgumentException("reliability.mode is short or full, not " + name);
        }
    }
}
