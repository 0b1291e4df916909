package io.github.forkscope.reliability;

/** The reliability scenarios on Payara Server (EclipseLink, its own transaction manager and pool, OpenMQ). */
class PayaraReliabilityIT extends ReliabilityScenarios {

    PayaraReliabilityIT() {
        super(15435);
    }

    @Override
    Server configure(String name, boolean ticks, boolean second, Database database) throws Exception {
        return new Payara(name, ticks, second ? 21000 : 20000).configure(database);
    }
}
