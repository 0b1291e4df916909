package io.github.forkscope.cdi;

import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.PassivationCapable;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import java.lang.annotation.Annotation;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Forkscope's {@code EntityManager} beans among the others a deployment may have. Forkscope's are
 * alternatives enabled with priority {@link #PRIORITY}, so that an unqualified injection point
 * gets them rather than the bean a Jakarta EE 11 platform registers for each persistence unit,
 * while an application alternative with a higher priority still wins. An application's own
 * unqualified, non-alternative producer would be silently shadowed by that, so it fails the
 * deployment with the fix instead. Written on the container's deployment thread only.
 */
final class EntityManagerBeans {

    /** Above a platform's non-alternative bean, below an application's {@code @Priority(APPLICATION)} alternative. */
    static final int PRIORITY = Interceptor.Priority.LIBRARY_BEFORE;
    private static final String ID_PREFIX = "forkscope.EntityManager.";

    private final List<String> defaultProducers = new ArrayList<>();

    static String id(String unit) {
        return ID_PREFIX + unit;
    }

    /** Notes an application producer that competes with Forkscope's bean for unqualified injection points. */
    void producer(Bean<?> bean, Member member) {
        if (bean.getTypes().contains(EntityManager.class) && !bean.isAlternative()
                && bean.getQualifiers().stream().anyMatch(q -> q instanceof Default)) {
            String name = member.getDeclaringClass().getName() + "." + member.getName();
            defaultProducers.add(member instanceof Method ? name + "()" : name);
        }
    }

    /** @return one error ({@code FORKSCOPE-018}) per producer that competes for unqualified injection points */
    List<IllegalStateException> conflicts(String defaultUnit) {
        return defaultUnit == null ? List.of()
                : defaultProducers.stream().map(p -> Messages.competingProducer(p, defaultUnit, PRIORITY)).toList();
    }

    /**
     * @return the line that says which bean an unqualified {@code @Inject EntityManager} gets and
     *         how to reach the others, or null when no single bean is chosen (validation reports
     *         that wherever it matters)
     */
    static String resolution(BeanManager beanManager, String defaultUnit) {
        Bean<?> chosen;
        try {
            chosen = beanManager.resolve(beanManager.getBeans(EntityManager.class));
        } catch (AmbiguousResolutionException e) {
            return null;
        }
        List<String> others = beanManager.getBeans(EntityManager.class, Any.Literal.INSTANCE).stream()
                .filter(bean -> !forkscope(bean) && bean != chosen)
                .map(EntityManagerBeans::describe).sorted().toList();
        return Messages.defaultEntityManager(forkscope(chosen) ? null : describe(chosen), defaultUnit, PRIORITY, others);
    }

    private static boolean forkscope(Bean<?> bean) {
        return bean instanceof PassivationCapable capable && capable.getId().startsWith(ID_PREFIX);
    }

    private static String describe(Bean<?> bean) {
        String qualifiers = bean.getQualifiers().stream().filter(q -> !(q instanceof Any))
                .map(EntityManagerBeans::annotation).sorted().collect(Collectors.joining(" "));
        return "@" + bean.getScope().getSimpleName() + " " + qualifiers + " EntityManager (" + bean.getBeanClass().getName() + ")";
    }

    private static String annotation(Annotation annotation) {
        return "@" + annotation.annotationType().getSimpleName();
    }
}
