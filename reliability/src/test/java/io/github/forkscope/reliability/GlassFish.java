package io.github.forkscope.reliability;

import java.nio.file.Path;

/** A domain of GlassFish 8, on the Java that {@code AS_JAVA} names (21 or later). */
final class GlassFish extends Domain {

    GlassFish(String name, boolean ticks, int base) {
        super(Path.of(System.getProperty("reliability.glassfish")), name, ticks, base);
    }
}
