package io.github.forkscope.reliability.app;

import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import javax.transaction.xa.XAException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers every failure with a first line {@code error CODE message} that the load client
 * classifies: {@code FORKSCOPE-nnn} for a guard rail, {@code INJECTED} for a fault the harness asked
 * for, {@code DATABASE} when the cause is the database or the connection pool, and {@code UNCODED}
 * for anything else, which the checks count as an error nobody explained and which is also logged
 * with its stack trace. Stateless, thread-safe.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());
    private static final Pattern FORKSCOPE_CODE = Pattern.compile("FORKSCOPE-\\d{3}");

    @Override
    public Response toResponse(Throwable failure) {
        return answer(failure);
    }

    /** The response to {@code failure}, for this mapper and {@link TransactionalErrorMapper}. */
    static Response answer(Throwable failure) {
        if (failure instanceof WebApplicationException) {
            return ((WebApplicationException) failure).getResponse();
        }
        Answer answer = classify(failure);
        return Response.status(answer.status()).type(MediaType.TEXT_PLAIN).entity(answer.line() + "\n").build();
    }

    /** The status and first line that answer {@code failure}. */
    static Answer classify(Throwable failure) {
        if (failure instanceof Refused) {
            return new Answer(409, "rolled-back " + failure.getMessage());
        }
        // Suppressed failures count as causes: a commit that fails because the database went away
        // surfaces as Narayana's RollbackException (ARJUNA016053) with the resource's XAException
        // attached as suppressed, not as its cause.
        for (Throwable cause : causesOf(failure)) {
            Matcher code = FORKSCOPE_CODE.matcher(String.valueOf(cause.getMessage()));
            if (code.find()) {
                return new Answer(500, "error " + code.group() + " " + oneLine(cause));
            }
            if (cause instanceof InjectedFault) {
                return new Answer(500, "error INJECTED " + oneLine(cause));
            }
            if (cause instanceof SQLException || cause instanceof XAException || cause instanceof ResourceException
                    || cause instanceof SystemException) {
                return new Answer(503, "error DATABASE " + oneLine(rootOf(cause)));
            }
        }
        LOG.log(Level.WARNING, "uncoded failure", failure);
        return new Answer(500, "error UNCODED " + oneLine(failure) + " (root: " + oneLine(rootOf(failure)) + ")");
    }

    /** The failure, its causes and everything suppressed along the way, depth first, each once. */
    private static List<Throwable> causesOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> order = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (seen.add(next)) {
                order.add(next);
                List<Throwable> children = new ArrayList<>(Arrays.asList(next.getSuppressed()));
                Collections.reverse(children);
                children.forEach(pending::push);
                if (next.getCause() != null) {
                    pending.push(next.getCause());
                }
            }
        }
        return order;
    }

    /** An error answer: its HTTP status and its first line. */
    record Answer(int status, String line) {
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String oneLine(Throwable failure) {
        return (failure.getClass().getName() + ": " + failure.getMessage()).replaceAll("\\s+", " ");
    }
}
