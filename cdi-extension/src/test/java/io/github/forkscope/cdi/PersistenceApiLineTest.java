package io.github.forkscope.cdi;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same jar runs on Jakarta Persistence 3.1 (EE 10) and 3.2 (EE 11): this suite runs once on
 * each, and this test fails when a run does not have the API it was meant to prove the jar on.
 */
class PersistenceApiLineTest {

    @Test
    void thisRunHasThePersistenceApiItIsMeantToProveTheJarOn() {
        boolean has32 = Arrays.stream(EntityManager.class.getMethods())
                .anyMatch(method -> method.getName().equals("runWithConnection"));
        assertEquals(System.getProperty("forkscope.test.persistence-api"), has32 ? "3.2" : "3.1");
    }
}
