package io.github.forkscope.reliability.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The harness's JAX-RS endpoints live under {@code /api}. Stateless, thread-safe. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
