package io.github.forkscope.junit5;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs every test method of the class in a fresh Forkscope context, as a request runs in
 * production: opened before the {@code @BeforeEach} methods and closed after the {@code @AfterEach}
 * methods, so that an injected {@code EntityManager} works in the test and in the code it calls,
 * without {@code forkscope.allow-global-context}. Fields of the test annotated with {@code @Inject}
 * are injected. When no CDI container is running as the class starts, Weld SE is started once for
 * the test run (bean discovery of the test classpath) and shut down at its end; a container that
 * runs already (one the test class starts in a static {@code @BeforeAll}, weld-junit5's when
 * declared first, a server's under Arquillian) is used as it is. Beside Arquillian's JUnit 5
 * extension the contexts open in the server, where Arquillian runs the methods, and its client,
 * which only forwards them, is left alone. Combine with {@link Rollback} and
 * {@link FailOnGuardTrips}; a test method may take a {@link TestContext} parameter.
 *
 * <pre>{@code
 * @ForkscopeTest
 * @Rollback
 * class BooksTest {
 *     @Inject Books books;
 *     @Inject EntityManager em;
 *
 *     @Test
 *     void addsABook() {
 *         long id = books.add("Dune");
 *         assertEquals("Dune", em.find(Book.class, id).getTitle()); // same context: same fork
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ForkscopeTestExtension.class)
public @interface ForkscopeTest {
}
