package io.github.forkscope.reliability.app;

import io.github.forkscope.RequestContextual;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The write of a managed-executor task that outlives nothing: it opens a context of its own on the
 * executor's thread, so its fork is not the submitting request's. Stateless, thread-safe.
 */
@ApplicationScoped
public class TaskWriter {

    @Inject
    Writes writes;

    @RequestContextual
    public String write(long id, String tag) {
        Item item = writes.create(id, "task", tag);
        return new Report(tag).wrote(item.getId()).toString();
    }
}
