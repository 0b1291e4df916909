package io.github.forkscope.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * Writes one line per scenario to {@code target/reliability/results.md} (a Markdown table, the
 * source of RESULTS.md) and to the build's output. Not thread-safe: the scenarios run one after another.
 */
final class Results {

    private final Path file;

    Results(Mode mode) throws IOException {
        file = Path.of(System.getProperty("reliability.work")).resolve("results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "mode " + mode.name() + ", " + Mode.CLIENTS + " clients\n\n"
                + "| scenario | requests | duration s | requests/s | faults injected | leaks | lost writes | extra writes"
                + " | stale reads | hung | uncoded errors | other codes, events, unknown outcomes |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    }

    void add(String scenario, Tally tally, Duration duration, long faults, Checks checks, long staleReads, String notes)
            throws IOException {
        long requests = tally.requests.sum();
        double seconds = duration.toMillis() / 1000.0;
        String line = String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f | %d | %d | %d | %d | %d | %d | %d | %s |%n",
                scenario, requests, seconds, requests / seconds, faults, tally.leaks.sum(), checks.lostWrites,
                checks.extraWrites, staleReads, tally.hung.sum(), tally.uncoded.sum(),
                "codes " + tally.codes() + ", events " + tally.events() + ", unknown outcomes present/absent "
                        + checks.unknownPresent + "/" + checks.unknownAbsent + ", slowest error " + tally.slowestError.get()
                        + " ms, after: " + checks.counters + (notes.isEmpty() ? "" : "; " + notes));
        Files.writeString(file, line, StandardOpenOption.APPEND);
        System.out.print("reliability " + line);
    }
}
