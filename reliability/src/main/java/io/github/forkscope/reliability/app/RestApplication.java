package io.github.forkscope.reliability.app;

import jakarta.persistence.PersistenceUnit;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The harness's JAX-RS endpoints live under {@code /api}. The {@code @PersistenceUnit} line is the
 * one the README asks of applications on Payara Server and GlassFish, whose containers do not hand
 * an extension-added bean the unit's factory; WildFly does not need it. Stateless, thread-safe.
 */
@ApplicationPath("api")
@PersistenceUnit(name = "forkscope/reliability", unitName = "reliability")
public class RestApplication extends Application {
}
