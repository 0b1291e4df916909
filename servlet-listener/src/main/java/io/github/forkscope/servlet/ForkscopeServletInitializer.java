package io.github.forkscope.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Registers {@link RequestContextFilter} for every request of the web application, and the
 * {@link RequestEnd} listener that closes its context, when {@code forkscope-servlet-listener} is in
 * {@code WEB-INF/lib}; the servlet container finds it through {@code META-INF/services}, so no
 * {@code web.xml} is edited. The filter goes before any filter declared in {@code web.xml}; code
 * that runs before it shares the request's context all the same, through the CDI request context.
 * Called once per application start, by the container.
 */
public class ForkscopeServletInitializer implements ServletContainerInitializer {

    static final String FILTER_NAME = "forkscope";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext servletContext) {
        servletContext.addListener(new RequestEnd());
        FilterRegistration.Dynamic filter = servletContext.addFilter(FILTER_NAME, new RequestContextFilter());
        if (filter == null) {
            return; // registered already, under our name, by the application itself
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
    }
}
