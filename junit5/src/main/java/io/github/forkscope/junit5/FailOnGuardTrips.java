package io.github.forkscope.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails a test of a {@link ForkscopeTest} class (on the class) or one test method when, between
 * the start of its context and its end, a guard rail tripped: an error thrown
 * ({@code FORKSCOPE-001}, {@code 101}, {@code 102}, {@code 103}), even one the code under test
 * caught, or a warning logged ({@code FORKSCOPE-104} to {@code 107}, changes that the end of a
 * context discarded among them). The failure names each code, how often it tripped, and the
 * warnings' texts. Reads the application's counters, so tests that run in parallel in one JVM
 * see each other's trips. A test that provokes a trip on purpose asserts it with
 * {@link ForkscopeAssertions} and leaves this annotation off.
 *
 * <pre>{@code
 * @ForkscopeTest
 * @FailOnGuardTrips
 * class CheckoutTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FailOnGuardTrips {
}
