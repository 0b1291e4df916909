package io.github.forkscope.it;

import io.github.forkscope.it.app.Author;
import io.github.forkscope.it.app.Book;
import io.github.forkscope.it.app.RestApplication;
import io.github.forkscope.it.app.unit.UnitResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds the test application as a user ships it: the application's classes and its
 * persistence.xml, with Forkscope's jars, exactly as built, in WEB-INF/lib and no web.xml.
 */
final class Deployments {

    private Deployments() {
    }

    static WebArchive bookstore(String name) {
        return withForkscope(ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(Book.class.getPackage())
                .addAsResource("app/persistence.xml", "META-INF/persistence.xml"));
    }

    /** Only the entities and one resource: no class declares the unit at {@code java:comp/env/forkscope/<unit>}. */
    static WebArchive undeclaredUnit(String name) {
        return withForkscope(ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(Book.class, Author.class, RestApplication.class)
                .addPackage(UnitResource.class.getPackage())
                .addAsResource("app/persistence.xml", "META-INF/persistence.xml"));
    }

    private static WebArchive withForkscope(WebArchive archive) {
        File lib = new File(Objects.requireNonNull(System.getProperty("forkscope.lib.dir"), "forkscope.lib.dir"));
        File[] jars = Objects.requireNonNull(lib.listFiles((dir, file) -> file.endsWith(".jar")), "no jars in " + lib);
        if (jars.length != 3) {
            throw new IllegalStateException("expected forkscope-api, -cdi-extension and -servlet-listener in " + lib
                    + ", found " + Arrays.toString(jars));
        }
        return archive.addAsLibraries(jars);
    }

    /** The application with MicroProfile Config properties of its own, such as a guard's mode. */
    static WebArchive bookstore(String name, String configuration) {
        return bookstore(name).addAsResource(new org.jboss.shrinkwrap.api.asset.StringAsset(configuration),
                "META-INF/microprofile-config.properties");
    }

    /** The application with its message consumer, whose queue a server can hold for one deployment only. */
    static WebArchive bookstoreWithMessaging(String name) {
        return bookstore(name).addPackage(io.github.forkscope.it.app.messaging.BookMessages.class.getPackage());
    }
}
