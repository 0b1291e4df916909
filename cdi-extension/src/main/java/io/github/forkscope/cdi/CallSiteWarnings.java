package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;

import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs a guard rail's error at WARN the first time it is thrown at each call site of the
 * application, so that an error that nobody sees (thrown in an executor task whose future nobody
 * reads, a timer, an async callback) still names its code and its fix in the log, without a
 * line for every repetition. The call site is the first frame of the stack that is neither
 * Forkscope's nor the platform's (JDK, Jakarta APIs, Weld proxies). Thread-safe; at most
 * {@value #MAX_SITES} call sites are remembered, after which nothing more is logged.
 */
final class CallSiteWarnings {

    private static final System.Logger LOG = System.getLogger(CallSiteWarnings.class.getName());
    private static final int MAX_SITES = 4096;
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final ProtectionDomain EXTENSION = CallSiteWarnings.class.getProtectionDomain();
    private static final ProtectionDomain API = Forkscope.class.getProtectionDomain();
    private static final String[] PLATFORM = {"java.", "jdk.", "sun.", "jakarta.", "org.jboss.weld."};

    private CallSiteWarnings() {
    }

    /** Logs the error if its call site has not thrown it before, and returns it to be thrown. */
    static <E extends RuntimeException> E once(E error) {
        String message = error.getMessage();
        String code = message.substring(0, message.indexOf(':'));
        String site = WALKER.walk(frames -> frames.filter(frame -> !internal(frame)).findFirst()
                .map(CallSiteWarnings::describe).orElse("an unknown call site"));
        if (REPORTED.size() < MAX_SITES && REPORTED.add(code + ' ' + site)) {
            LOG.log(System.Logger.Level.WARNING, code + " thrown at " + site + " (logged once for this call site, in "
                    + "case the exception is swallowed, as an executor task, a timer or an async callback may do): "
                    + message.substring(code.length() + 2));
        }
        return error;
    }

    /** As a stack trace shows a frame, without the class loader and module names that some servers add. */
    private static String describe(StackWalker.StackFrame frame) {
        return frame.getClassName() + '.' + frame.getMethodName() + '(' + frame.getFileName() + ':' + frame.getLineNumber() + ')';
    }

    private static boolean internal(StackWalker.StackFrame frame) {
        Class<?> type = frame.getDeclaringClass();
        if (type.getProtectionDomain() == EXTENSION || type.getProtectionDomain() == API || type.getName().contains("$Proxy$")) {
            return true;
        }
        for (String prefix : PLATFORM) {
            if (type.getName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
