package io.camstream.server.live;

import io.camstream.core.watch.Settling;
import io.helidon.common.tls.Tls;
import io.helidon.config.Config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reloads the TLS key and certificates of the listener when their files change, as a Let's Encrypt renewal changes
 * them: Helidon replaces the key and trust managers of a running listener ({@code WebServer.reloadTls}), so new
 * connections are made with the new certificate while open ones, and their streams, go on with the one they agreed
 * on. The files are those {@code server.tls} names ({@code ...resource.path} keys); a change counts once they have
 * all looked the same for the settle time, and one that cannot be read is reported once while the certificate in use
 * stays.
 */
final class CertificateWatch implements FileWatch.Check {

    private static final System.Logger LOGGER = System.getLogger(CertificateWatch.class.getName());
    private static final String FILES = "certificates";

    private final Consumer<Tls> reload;
    private final Settling<String, Map<Path, String>> settling = new Settling<>(LiveConfig.SETTLE);
    private Config tls;
    private Map<Path, String> inUse;

    /**
     * @param tls    the {@code server.tls} node in force
     * @param reload hands the listener a TLS made anew
     */
    CertificateWatch(Config tls, Consumer<Tls> reload) {
        this.tls = tls;
        this.reload = reload;
        this.inUse = contents(tls);
    }

    /** @return the directories of the key and certificate files */
    synchronized Set<Path> directories() {
        return inUse.keySet().stream().map(Path::getParent).collect(Collectors.toSet());
    }

    @Override
    public synchronized boolean settling() {
        Map<Path, String> seen = contents(tls);
        if (seen.equals(inUse)) {
            settling.forget(FILES);
            return false;
        }
        if (!settling.settled(FILES, seen, System.nanoTime())) {
            return true;
        }
        reload(seen, "its files changed");
        return false;
    }

    /**
     * Takes the key and certificates a changed configuration names, at once.
     *
     * @param next the {@code server.tls} node now in force
     */
    synchronized void use(Config next) {
        tls = next;
        reload(contents(next), "the configuration file changed");
    }

    private void reload(Map<Path, String> seen, String why) {
        inUse = seen; // also when it fails: a file that cannot be used is reported once, until it changes again
        try {
            reload.accept(Tls.create(tls));
            LOGGER.log(System.Logger.Level.INFO, "TLS key and certificates reloaded from {0} ({1}): new connections "
                    + "get them, open ones go on", seen.keySet(), why);
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "TLS key and certificates not reloaded ({0}): {1}; the ones in use"
                    + " stay", why, e.getMessage());
        }
    }

    /** Each file {@code server.tls} names, with a digest of what it holds now (empty when it cannot be read). */
    private static Map<Path, String> contents(Config tls) {
        Map<Path, String> contents = new TreeMap<>();
        tls.asMap().orElse(Map.of()).forEach((key, value) -> {
            if (key.endsWith(".resource.path")) {
                Path file = Path.of(value).toAbsolutePath();
                contents.put(file, digest(file));
            }
        });
        return contents;
    }

    private static String digest(Path file) {
        try {
            return Digests.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return "";
        }
    }
}
