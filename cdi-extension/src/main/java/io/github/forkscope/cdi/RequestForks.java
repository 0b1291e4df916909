package io.github.forkscope.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The Forkscope contexts of one CDI request context, held in a {@link Frames} stack that callers
 * get with one call through the client proxy and then use directly. When the request context is
 * destroyed, every frame still open is closed. The request context confines it to one thread at a
 * time.
 */
@RequestScoped
class RequestForks {

    private Frames frames;

    RequestForks() {
    }

    @Inject
    RequestForks(ForkscopeExtension extension) {
        this.frames = new Frames(extension.units().all(), extension.guards());
    }

    /** Public so that Weld's client proxy calls it directly rather than by reflection. */
    public Frames frames() {
        return frames;
    }

    @PreDestroy
    void end() {
        frames.closeAll();
    }
}
