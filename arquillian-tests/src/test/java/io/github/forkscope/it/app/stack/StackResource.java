package io.github.forkscope.it.app.stack;

import io.github.forkscope.Forkscope;
import io.github.forkscope.it.app.Book;
import io.github.forkscope.testsupport.CdiBoundaries;
import io.github.forkscope.testsupport.Expected;
import io.github.forkscope.testsupport.Step;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the transaction-stack sweep inside the server, on its own transaction managers and
 * interceptors: each scenario in a context of its own ({@code Forkscope.run}), each step persisting
 * a book and changing a seeded one by a setter only; the platform's default datasource, read over
 * plain JDBC, must then hold exactly what the model works out.
 */
@Path("/stack")
public class StackResource {

    @Inject
    CdiBoundaries cdi;
    @Inject
    EjbBoundaries ejb;
    @Inject
    EntityManager em;
    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    /**
     * @param kinds    the kinds, by name, separated by commas
     * @param steps    the number of steps of each scenario
     * @param patterns the failure patterns, bit sets over the steps, separated by commas
     * @return the number of scenarios, and the first ones that broke the rules
     */
    @POST
    @Path("sweep")
    public String sweep(@QueryParam("kinds") String kinds, @QueryParam("steps") int steps,
                        @QueryParam("patterns") String patterns) throws SQLException {
        List<StackKind> chosen = Arrays.stream(kinds.split(",")).map(StackKind::valueOf).toList();
        List<Integer> failing = Arrays.stream(patterns.split(",")).map(Integer::valueOf).toList();
        List<List<Step<StackKind>>> scenarios = Step.scenarios(chosen, steps, failing);
        List<String> broken = new ArrayList<>();
        for (List<Step<StackKind>> scenario : scenarios) {
            String failure = run(scenario);
            if (failure != null) {
                broken.add(failure);
            }
        }
        return scenarios.size() + " scenarios, " + broken.size() + " broke the rules"
                + (broken.isEmpty() ? "" : ":\n" + String.join("\n", broken.subList(0, Math.min(20, broken.size()))));
    }

    private String run(List<Step<StackKind>> steps) throws SQLException {
        update("delete from Book where id > 3");
        update("update Book set title = 'seed' where id <= 3");
        Forkscope.run(() -> steps.forEach(this::run));
        Set<Integer> expected = Expected.committed(steps, StackKind::rule, kind -> true);
        Set<Integer> books = new TreeSet<>();
        Set<Integer> changes = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            if (("step " + i).equals(title(1000 + i))) {
                books.add(i);
            }
            if (("step " + i).equals(title(i + 1))) {
                changes.add(i);
            }
        }
        return books.equals(expected) && changes.equals(expected) ? null
                : steps + ": expected steps " + expected + " committed, books " + books + ", changes " + changes;
    }

    private void run(Step<StackKind> step) {
        try {
            step.kind().run(cdi, ejb, () -> {
                em.persist(new Book(1000L + step.index(), "step " + step.index(), null));
                em.find(Book.class, (long) step.index() + 1).setTitle("step " + step.index());
                step.nested().forEach(this::run);
                if (step.fails()) {
                    throw new IllegalStateException("step " + step.index() + " fails");
                }
            });
        } catch (Exception expected) {
            // a failing step, a refused MANDATORY or NEVER, a commit of a transaction marked for rollback
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private String title(long id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement("select title from Book where id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
