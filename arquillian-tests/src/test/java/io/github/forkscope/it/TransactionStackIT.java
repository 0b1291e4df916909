package io.github.forkscope.it;

import io.github.forkscope.testsupport.CdiBoundaries;
import io.github.forkscope.testsupport.Expected;
import io.github.forkscope.testsupport.Step;
import io.github.forkscope.testsupport.TransactionBoundaries;
import io.github.forkscope.testsupport.TransactionRule;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transaction-stack sweep in the server, with its own transaction manager, CDI
 * {@code @Transactional} interceptors and EJB container-managed transactions: every scenario of
 * one and two steps over the twelve boundaries (six types each way) with every failure pattern,
 * and of three steps over four of them, each in every shape; the server answers with how many
 * scenarios broke the stack's rules, read over plain JDBC against the model
 * ({@code forkscope-test-support}'s {@link Expected}).
 */
class TransactionStackIT extends BookstoreIT {

    private static final String ALL = "CDI_REQUIRED,CDI_REQUIRES_NEW,CDI_MANDATORY,CDI_SUPPORTS,CDI_NOT_SUPPORTED,CDI_NEVER,"
            + "EJB_REQUIRED,EJB_REQUIRES_NEW,EJB_MANDATORY,EJB_SUPPORTS,EJB_NOT_SUPPORTED,EJB_NEVER";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bookstore("stack")
                .addPackage(io.github.forkscope.it.app.stack.StackResource.class.getPackage())
                .addClasses(Step.class, Expected.class, TransactionRule.class, TransactionBoundaries.class, CdiBoundaries.class);
    }

    @Override
    int books() {
        return 3;
    }

    @Test
    void oneAndTwoStepsOverEveryBoundary() throws Exception {
        assertNoneBroke(http.post("api/stack/sweep?steps=1&patterns=0,1&kinds=" + ALL), 12 * 2);
        assertNoneBroke(http.post("api/stack/sweep?steps=2&patterns=0,1,2,3&kinds=" + ALL), 144 * 2 * 4);
    }

    @Test
    void threeStepsOverFourBoundaries() throws Exception {
        assertNoneBroke(http.post("api/stack/sweep?steps=3&patterns=0,1,4&kinds="
                + "CDI_REQUIRED,CDI_NOT_SUPPORTED,EJB_REQUIRES_NEW,EJB_SUPPORTS"), 64 * 5 * 3);
    }

    private static void assertNoneBroke(String answer, int scenarios) {
        assertTrue(answer.startsWith(scenarios + " scenarios, 0 broke the rules"), answer);
    }
}
