package io.github.forkscope.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs each test method of a {@link ForkscopeTest} class (on the class) or one test method in a
 * transaction that is rolled back when the method and its {@code @AfterEach} methods are done, so
 * the database is as it was before the test. The transaction begins right after the test's
 * context opens, before the {@code @BeforeEach} methods: with a {@code UserTransaction} where JNDI
 * has one (a Jakarta EE server), the forks joining it on their first call; otherwise a
 * resource-local transaction on each unit's fork of the test's context. The forks in the
 * transaction are flushed before the rollback, as a commit would, so that a change the database
 * refuses fails the test. Code under test that
 * calls {@code Forkscope.transactional} or {@code @Transactional} joins it and commits nothing.
 * Work in a context of its own ({@code Forkscope.run}, an {@code @RequestContextual} method) uses
 * other forks, outside the test's transaction, and is not rolled back.
 *
 * <pre>{@code
 * @ForkscopeTest
 * @Rollback
 * class OrdersTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Rollback {
}
