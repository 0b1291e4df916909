package io.github.forkscope.reliability;

/** The reliability scenarios on GlassFish 8 (EclipseLink 5, its own transaction manager and pool, OpenMQ). */
class GlassFishReliabilityIT extends ReliabilityScenarios {

    GlassFishReliabilityIT() {
        super(15436);
    }

    @Override
    Server configure(String name, boolean ticks, boolean second, Database database) throws Exception {
        return new GlassFish(name, ticks, second ? 23000 : 22000).configure(database);
    }
}
