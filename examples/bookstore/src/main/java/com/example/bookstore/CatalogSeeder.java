package com.example.bookstore;

import io.github.forkscope.RequestContextual;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;

/**
 * Fills an empty catalogue when the application starts. Startup code runs outside any HTTP
 * request, so it opens a context of its own; without {@code @RequestContextual} its first query
 * would fail with FORKSCOPE-001 and the deployment with it. A second instance started after the
 * first finds the books there (two instances starting at once on an empty database would both
 * seed it, and one would fail on the unique author names).
 */
@ApplicationScoped
public class CatalogSeeder {

    private static final List<NewBook> BOOKS = List.of(
            new NewBook("Dune", "Frank Herbert", new BigDecimal("9.99"), 12),
            new NewBook("Dune Messiah", "Frank Herbert", new BigDecimal("8.99"), 4),
            new NewBook("Children of Dune", "Frank Herbert", new BigDecimal("8.99"), 15),
            new NewBook("The Left Hand of Darkness", "Ursula K. Le Guin", new BigDecimal("10.50"), 20),
            new NewBook("The Dispossessed", "Ursula K. Le Guin", new BigDecimal("11.00"), 3),
            new NewBook("A Wizard of Earthsea", "Ursula K. Le Guin", new BigDecimal("7.99"), 25),
            new NewBook("Foundation", "Isaac Asimov", new BigDecimal("8.50"), 30),
            new NewBook("Foundation and Empire", "Isaac Asimov", new BigDecimal("8.50"), 18),
            new NewBook("Second Foundation", "Isaac Asimov", new BigDecimal("8.50"), 16),
            new NewBook("I, Robot", "Isaac Asimov", new BigDecimal("6.99"), 2),
            new NewBook("Neuromancer", "William Gibson", new BigDecimal("9.50"), 14),
            new NewBook("Count Zero", "William Gibson", new BigDecimal("9.50"), 11),
            new NewBook("Mona Lisa Overdrive", "William Gibson", new BigDecimal("9.50"), 13),
            new NewBook("Kindred", "Octavia E. Butler", new BigDecimal("10.99"), 22),
            new NewBook("Parable of the Sower", "Octavia E. Butler", new BigDecimal("12.00"), 17),
            new NewBook("Dawn", "Octavia E. Butler", new BigDecimal("9.99"), 5),
            new NewBook("Solaris", "Stanisław Lem", new BigDecimal("11.50"), 19),
            new NewBook("The Cyberiad", "Stanisław Lem", new BigDecimal("10.00"), 21),
            new NewBook("Hyperion", "Dan Simmons", new BigDecimal("10.99"), 24),
            new NewBook("The Fall of Hyperion", "Dan Simmons", new BigDecimal("10.99"), 23),
            new NewBook("Ancillary Justice", "Ann Leckie", new BigDecimal("12.99"), 26),
            new NewBook("The Fifth Season", "N. K. Jemisin", new BigDecimal("13.50"), 28),
            new NewBook("Roadside Picnic", "Arkady and Boris Strugatsky", new BigDecimal("9.00"), 12),
            new NewBook("The Stars My Destination", "Alfred Bester", new BigDecimal("8.00"), 27),
            new NewBook("Rendezvous with Rama", "Arthur C. Clarke", new BigDecimal("7.50"), 29));

    @Inject
    Catalog catalog;
    @Inject
    Activity activity;

    @RequestContextual
    @Transactional
    void seed(@Observes Startup startup) {
        if (catalog.count() == 0) {
            catalog.addAll(BOOKS);
            activity.record("startup", "added " + BOOKS.size() + " books to the empty catalogue");
        } else {
            activity.record("startup", "found " + catalog.count() + " books in the catalogue");
        }
    }
}
