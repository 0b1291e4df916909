package io.github.forkscope.it.app.request;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.Set;

/** What another library's initializer does: registers its own filter first in line, as Forkscope's does. */
public class OtherLibraryInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addFilter("other-library", new EarlyFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/api/early/*");
    }
}
