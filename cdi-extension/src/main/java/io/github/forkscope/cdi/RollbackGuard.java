package io.github.forkscope.cdi;

import io.github.forkscope.cdi.provider.ProviderSupport;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rollback guard: both providers clear a persistence context when its transaction rolls back,
 * as Jakarta Persistence says for container-managed ones, so every entity the fork held is
 * detached, and a later setter on it is saved by nothing. At the rollback the guard notes the
 * values of the basic attributes of the entities the fork held (read through the metamodel's
 * members, as they are in memory); at each later commit the fork takes part in, and when the fork
 * closes, an entity whose values differ from those is reported once with {@code FORKSCOPE-108},
 * naming its type and the fix. Only basic attributes are compared: a change to an association
 * alone is not seen. Used by the thread that owns the fork, or by a transaction's completion.
 */
final class RollbackGuard {

    private static final System.Logger LOG = System.getLogger(RollbackGuard.class.getName());

    /** The detached entities and their values at the rollback, by identity. */
    private final Map<Object, Object[]> detached = new IdentityHashMap<>();

    /** Notes the entities a rollback detached; nothing when it detached none. */
    void rolledBack(Metamodel metamodel, List<Object> entities) {
        for (Object entity : entities) {
            if (entity != null && !detached.containsKey(entity)) {
                Object[] values = values(metamodel, entity);
                if (values != null) {
                    detached.put(entity, values);
                }
            }
        }
    }

    boolean watching() {
        return !detached.isEmpty();
    }

    /** Reports the detached entities changed since the rollback, each once, as the fork commits or closes. */
    void check(Fork fork, Metamodel metamodel) {
        List<String> changed = new ArrayList<>();
        detached.entrySet().removeIf(entry -> {
            Object[] now = values(metamodel, entry.getKey());
            boolean differs = now != null && !Arrays.equals(now, entry.getValue());
            if (differs) {
                changed.add("changed " + entry.getKey().getClass().getSimpleName());
            }
            return differs;
        });
        if (!changed.isEmpty()) {
            fork.guards().metrics.rollbackDetachedWarnings.increment();
            LOG.log(System.Logger.Level.WARNING, Messages.changedAfterRollback(fork.unit().name(),
                    ProviderSupport.count(changed), fork.context().origin()));
        }
    }

    /** The entity's basic attribute values, in the metamodel's order; null when it is no entity of the unit. */
    private static Object[] values(Metamodel metamodel, Object entity) {
        EntityType<?> type;
        try {
            type = metamodel.entity(entity.getClass());
        } catch (IllegalArgumentException notAnEntity) {
            return null; // a provider's proxy or subclass: not compared
        }
        List<Object> values = new ArrayList<>();
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            if (attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.BASIC) {
                values.add(read(attribute.getJavaMember(), entity));
            }
        }
        return values.toArray();
    }

    private static Object read(Member member, Object entity) {
        try {
            if (member instanceof Field field) {
                open(field);
                return field.get(entity);
            }
            if (member instanceof Method getter) {
                open(getter);
                return getter.invoke(entity);
            }
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            // compared as unknown: never reported
        }
        return Objects.class;
    }

    private static void open(AccessibleObject member) {
        member.trySetAccessible();
    }
}
