package io.github.forkscope.junit5;

import io.github.forkscope.spi.ForkInfo;

import java.util.List;

/**
 * The Forkscope context of the running test method, to inspect it: a test method of a
 * {@link ForkscopeTest} class receives it as a parameter. Used on the test's thread.
 *
 * <pre>{@code
 * @Test
 * void loadsOneBook(TestContext context) {
 *     books.find(1L);
 *     assertEquals(1, context.managedEntities("main"));
 * }
 * }</pre>
 */
public interface TestContext {

    /**
     * The forks the context has created so far: one per unit it used, and those opened for single
     * transactions inside it.
     *
     * @return a snapshot of the forks
     */
    List<ForkInfo> forks();

    /**
     * How many entities the context's forks of a unit manage together.
     *
     * @param unit the persistence unit's name
     * @return the count, 0 when the context has no fork of the unit
     */
    default long managedEntities(String unit) {
        return forks().stream().filter(f -> f.unit().equals(unit)).mapToLong(ForkInfo::managedEntities).sum();
    }
}
