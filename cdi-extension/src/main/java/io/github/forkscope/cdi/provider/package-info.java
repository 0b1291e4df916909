/**
 * What the guard rails read from each persistence provider's own persistence context (Hibernate
 * ORM 6 and 7, EclipseLink 4 and 5): managed entities, pending changes, whether an entity is
 * managed. Compiled against both providers; only the one an application runs on is ever loaded.
 * Internal to {@code forkscope-cdi-extension}.
 */
package io.github.forkscope.cdi.provider;
