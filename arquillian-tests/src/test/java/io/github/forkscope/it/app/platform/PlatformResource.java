package io.github.forkscope.it.app.platform;

import io.github.forkscope.it.app.Book;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An application written for Jakarta EE 10, unchanged, on an EE 11 platform that registers beans
 * for its persistence unit: which {@code EntityManager} it gets, and the platform's other beans.
 */
@Path("/platform")
@Produces(MediaType.TEXT_PLAIN)
@RequestScoped // a bean, so that @Transactional applies where JAX-RS resources are not beans by themselves (GlassFish)
public class PlatformResource {

    @Inject
    EntityManager em;
    @Inject
    Instance<EntityManagerFactory> factory;
    @Inject
    @Legacy
    Instance<EntityManagerFactory> legacyFactory;
    @Inject
    Instance<CriteriaBuilder> criteria;
    @Inject
    @Legacy
    Instance<CriteriaBuilder> legacyCriteria;
    @Inject
    @Legacy
    Instance<EntityManager> legacy;

    /** Which beans the application gets; the platform's carry the unit's qualifier, when it has one, or @Default. */
    @GET
    public String beans() {
        boolean qualified = legacyFactory.isResolvable();
        EntityManagerFactory platformFactory = (qualified ? legacyFactory : factory).get();
        CriteriaBuilder platformCriteria = (qualified ? legacyCriteria : criteria).get();
        String qualifier = qualified ? " @Legacy" : " @Default";
        return "unqualified: " + em + "\n"
                + "factory" + qualifier + ": " + platformFactory.getMetamodel().entity(Book.class).getName() + "\n"
                + "criteria" + qualifier + ": " + platformCriteria.createQuery(Book.class).getResultType().getSimpleName() + "\n"
                + "EntityManager @Legacy: " + (legacy.isResolvable() ? "resolvable" : "none");
    }

    /** Writes through the platform's @Legacy EntityManager, in the transaction it is scoped to. */
    @POST
    @Path("legacy/{id}")
    @Transactional
    public String writeThroughThePlatform(@PathParam("id") long id) {
        EntityManager platform = legacy.get();
        Book book = new Book(id, "through the platform", null);
        platform.persist(book);
        return em.contains(book) ? "shared" : "separate";
    }
}
