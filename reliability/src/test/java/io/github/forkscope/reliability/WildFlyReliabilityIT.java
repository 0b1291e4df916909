package io.github.forkscope.reliability;

/** The reliability scenarios on WildFly (Hibernate, Narayana, IronJacamar, Artemis); instance b on ports + 100. */
class WildFlyReliabilityIT extends ReliabilityScenarios {

    WildFlyReliabilityIT() {
        super(15434);
    }

    @Override
    Server configure(String name, boolean ticks, boolean second, Database database) throws Exception {
        return WildFly.configure(name, ticks, second ? 900 : 800, database);
    }
}
