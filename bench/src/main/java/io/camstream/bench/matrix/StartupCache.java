package io.camstream.bench.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * camstream's startup cache, kept in a benchmark's work folder rather than the user's: made as an installation makes
 * it, by its first launch (which records what it loads) and its second (which builds the cache from that in the
 * background, on Java 25+). The launcher's default options include it, so footprint and CPU are measured with it.
 */
public final class StartupCache {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path home;

    /** @param home the folder to use as {@code XDG_CACHE_HOME}; the launcher keeps its files in {@code camstream/} */
    public StartupCache(Path home) {
        this.home = home;
    }

    /** @return what to add to camstream's environment for it to use this cache */
    public Map<String, String> environment() {
        return Map.of("XDG_CACHE_HOME", home.toAbsolutePath().toString());
    }

    /**
     * Empties the cache, so that the next launch is an installation's first whatever ran before.
     *
     * @throws IOException when a file cannot be deleted
     */
    public void clear() throws IOException {
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Waits for the second launch's background build: a launch during it would start without the cache, and build
     * one too.
     *
     * @return the cache's file name, or empty when none was made within two minutes
     * @throws IOException          when the folder cannot be listed
     * @throws InterruptedException when interrupted
     */
    public Optional<String> await() throws IOException, InterruptedException {
        Path folder = home.resolve("camstream");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    List<String> names = files.map(f -> f.getFileName().toString()).toList();
                    if (names.size() == 1 && (names.getFirst().endsWith(".aot") || names.getFirst().endsWith(".jsa"))) {
                        return Optional.of(names.getFirst());
                    }
                }
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    /** @return how long {@link #await} waits at most */
    public static Duration timeout() {
        return TIMEOUT;
    }
}
