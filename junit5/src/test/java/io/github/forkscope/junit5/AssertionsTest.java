package io.github.forkscope.junit5;

import io.github.forkscope.Forkscope;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.forkscope.junit5.ForkscopeAssertions.assertThrowsCode;
import static io.github.forkscope.junit5.ForkscopeAssertions.assertWarns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ForkscopeAssertions} on real guard rails, and their own failures when the code is not raised. */
@ForkscopeTest
class AssertionsTest extends WithNotes {

    @Test
    void assertThrowsCodeReturnsTheExceptionThatCarriesTheCode() {
        EntityManager kept = Forkscope.call(() -> Forkscope.currentEntityManager("eclipselink").orElseThrow());
        RuntimeException e = assertThrowsCode("FORKSCOPE-102", () -> kept.find(Note.class, 1L));
        assertTrue(e.getMessage().startsWith("FORKSCOPE-102: EntityManager.find"), e.getMessage());
    }

    @Test
    void assertThrowsCodeFailsWhenNothingOrAnotherCodeIsThrown() {
        EntityManager kept = Forkscope.call(() -> Forkscope.currentEntityManager("main").orElseThrow());
        AssertionError nothing = assertThrows(AssertionError.class, () -> assertThrowsCode("FORKSCOPE-102", () -> notes.find("main", 1)));
        assertTrue(nothing.getMessage().contains("nothing was thrown"), nothing.getMessage());
        AssertionError other = assertThrows(AssertionError.class, () -> assertThrowsCode("FORKSCOPE-101", () -> kept.find(Note.class, 1L)));
        assertTrue(other.getMessage().contains("FORKSCOPE-102"), other.getMessage());
    }

    @Test
    void assertWarnsSeesTheWarningOfAContextThatDiscardedChanges() {
        List<String> warnings = assertWarns("FORKSCOPE-105", () -> Forkscope.run(() -> notes.find("main", 1).setText("lost")));
        assertEquals(1, warnings.size(), String.valueOf(warnings));
        assertThrows(AssertionError.class, () -> assertWarns("FORKSCOPE-105", () -> Forkscope.run(() -> notes.find("main", 1))));
    }
}
