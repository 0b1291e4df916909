package io.github.forkscope.junit5;

import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Assertions on Forkscope's coded errors and warnings, for tests that provoke a guard rail on
 * purpose. Stateless and thread-safe; a warning is seen when the code logs it on any thread while
 * the executable runs.
 *
 * <pre>{@code
 * RuntimeException e = ForkscopeAssertions.assertThrowsCode("FORKSCOPE-103", () -> service.mergeIntoNestedContext(book));
 * ForkscopeAssertions.assertWarns("FORKSCOPE-105", () -> Forkscope.run(() -> em.find(Book.class, 1L).setTitle("lost")));
 * }</pre>
 */
public final class ForkscopeAssertions {

    private ForkscopeAssertions() {
    }

    /**
     * Runs the executable and asserts that it threw an exception carrying the code, itself or as
     * one of its causes.
     *
     * @param code       a code such as {@code FORKSCOPE-101}
     * @param executable the code that should throw
     * @return the exception that carries the code
     */
    public static RuntimeException assertThrowsCode(String code, Executable executable) {
        try {
            executable.execute();
        } catch (Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof RuntimeException carrier && carries(t.getMessage(), code)) {
                    return carrier;
                }
            }
            throw new AssertionError("expected an exception with code " + code + ", but " + thrown + " was thrown", thrown);
        }
        return fail("expected an exception with code " + code + ", but nothing was thrown");
    }

    /**
     * Runs the executable and asserts that Forkscope logged a warning with the code meanwhile.
     *
     * @param code       a code such as {@code FORKSCOPE-105}
     * @param executable the code that should make Forkscope warn
     * @return the warnings with the code
     */
    public static List<String> assertWarns(String code, Executable executable) {
        try (WarningCapture warnings = WarningCapture.start()) {
            try {
                executable.execute();
            } catch (Throwable e) {
                throw new AssertionError("expected a warning with code " + code + ", but " + e + " was thrown", e);
            }
            List<String> matching = warnings.messages().stream().filter(m -> carries(m, code)).toList();
            if (matching.isEmpty()) {
                fail("expected a warning with code " + code + ", but Forkscope logged " + warnings.messages());
            }
            return matching;
        }
    }

    /** Codes lead messages: "FORKSCOPE-101: ..." for errors, and also "FORKSCOPE-101 thrown at ..." in the log. */
    private static boolean carries(String message, String code) {
        return message != null && message.startsWith(code) && message.length() > code.length()
                && !Character.isDigit(message.charAt(code.length()));
    }
}
