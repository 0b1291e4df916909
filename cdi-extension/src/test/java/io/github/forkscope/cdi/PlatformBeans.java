package io.github.forkscope.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Qualifier;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Proxy;

/**
 * What a Jakarta EE 11 platform registers for each persistence unit, as far as CDI sees it: a
 * synthetic {@code EntityManager} bean, {@code @Default} unless the unit names a
 * {@code <qualifier>}, and an {@code EntityManagerFactory} bean. Weld SE has no platform, so the
 * beans stand for it; their instances only say whose they are. The real platform is tested on
 * WildFly Preview.
 */
class PlatformBeans implements Extension {

    /** A unit's {@code <qualifier>} in persistence.xml. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @interface Legacy {
        final class Literal extends jakarta.enterprise.util.AnnotationLiteral<Legacy> implements Legacy {
            static final Literal INSTANCE = new Literal();
        }
    }

    void addPlatformBeans(@Observes AfterBeanDiscovery event) {
        event.addBean().beanClass(EntityManager.class).types(EntityManager.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE).scope(Dependent.class)
                .createWith(context -> stub(EntityManager.class, "platform EntityManager"));
        event.addBean().beanClass(EntityManager.class).types(EntityManager.class, Object.class)
                .qualifiers(Legacy.Literal.INSTANCE, Any.Literal.INSTANCE).scope(Dependent.class)
                .createWith(context -> stub(EntityManager.class, "platform EntityManager @Legacy"));
        event.addBean().beanClass(EntityManagerFactory.class).types(EntityManagerFactory.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE).scope(Dependent.class)
                .createWith(context -> stub(EntityManagerFactory.class, "platform EntityManagerFactory"));
    }

    private static <T> T stub(Class<T> type, String name) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (method.getName().equals("toString")) {
                return name;
            }
            throw new UnsupportedOperationException(name + "." + method.getName());
        }));
    }
}
