package io.github.forkscope.reliability;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One answer of the test application: its status and the lines of its report or error
 * ({@code wrote 12}, {@code read 3 seed -}, {@code error DATABASE ...}). Immutable, thread-safe.
 */
record Reply(int status, List<String> lines, long millis) {

    static Reply of(int status, String body, long millis) {
        return new Reply(status, Arrays.asList(body.split("\n")), millis);
    }

    /** The code of an error answer (FORKSCOPE-101, DATABASE, INJECTED, ASYNC-TIMEOUT, UNCODED), if it is one. */
    Optional<String> errorCode() {
        if (!lines.isEmpty() && lines.get(0).startsWith("error ")) {
            return Optional.of(lines.get(0).split(" ")[1]);
        }
        return status >= 400 && status != 409 ? Optional.of("HTTP-" + status) : Optional.empty();
    }

    /** The words of each line that starts with {@code fact}. */
    List<String[]> facts(String fact) {
        return lines.stream().filter(line -> line.startsWith(fact + " ")).map(line -> line.split(" ")).toList();
    }
}
