package io.github.forkscope.junit5;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.sql.SQLException;

/** What the test classes share: the code under test, and the notes seeded before each test. */
abstract class WithNotes {

    @Inject
    Notes notes;

    @BeforeEach
    void seed() throws SQLException {
        Seed.notes();
    }
}
