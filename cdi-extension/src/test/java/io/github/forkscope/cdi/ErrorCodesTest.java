package io.github.forkscope.cdi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code FORKSCOPE-nnn} code that the modules' sources can raise has a row in the README's
 * troubleshooting table, and every row names a code that exists: the two cannot drift apart.
 */
class ErrorCodesTest {

    private static final Pattern CODE = Pattern.compile("FORKSCOPE-\\d{3}");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(FORKSCOPE-\\d{3})` \\|");

    @Test
    void theTroubleshootingTableListsExactlyTheCodesTheSourcesRaise() throws IOException {
        Path root = repositoryRoot();
        Set<String> inSources = new TreeSet<>();
        for (String module : new String[]{"api", "cdi-extension", "servlet-listener", "junit5"}) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> inSources.addAll(codes(CODE, file)));
            }
        }
        Set<String> inTable = codes(ROW, root.resolve("README.md"));
        assertTrue(inSources.size() > 20, "the sources were not read: " + inSources);
        assertEquals(inSources, inTable, "codes in the sources vs rows of the README's troubleshooting table");
    }

    private static Set<String> codes(Pattern pattern, Path file) {
        try {
            Matcher matcher = pattern.matcher(Files.readString(file));
            Set<String> codes = new TreeSet<>();
            while (matcher.find()) {
                codes.add(matcher.groupCount() == 0 ? matcher.group() : matcher.group(1));
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout's root, found upwards from the module the tests run in. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("cdi-extension"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no checkout root above " + Path.of("").toAbsolutePath());
    }
}
