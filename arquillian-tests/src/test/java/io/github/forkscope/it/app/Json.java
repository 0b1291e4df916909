package io.github.forkscope.it.app;

import jakarta.persistence.EntityManager;

/** Writes a book the way a serializer that follows loaded relations would (MikroORM's behaviour in seed 002). */
final class Json {

    private Json() {
    }

    static String book(EntityManager em, Book book) {
        StringBuilder json = new StringBuilder("{\"id\":").append(book.getId())
                .append(",\"title\":\"").append(book.getTitle()).append('"');
        if (em.getEntityManagerFactory().getPersistenceUnitUtil().isLoaded(book, "author")
                && book.getAuthor() != null
                && em.getEntityManagerFactory().getPersistenceUnitUtil().isLoaded(book.getAuthor())) {
            json.append(",\"author\":{\"name\":\"").append(book.getAuthor().getName()).append("\"}");
        }
        return json.append('}').toString();
    }
}
