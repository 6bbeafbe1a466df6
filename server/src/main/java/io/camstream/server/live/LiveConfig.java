package io.camstream.server.live;

import io.camstream.core.cameras.Cameras;
import io.camstream.core.driver.DriverRegistry;
import io.camstream.core.watch.Settling;
import io.camstream.server.config.ConfigFiles;
import io.camstream.spi.ConfigValues;
import io.helidon.common.tls.Tls;
import io.helidon.config.Config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Keeps the running server in step with its configuration file. A new version is taken only once the file has
 * held the same content for the settle time (an editor that saves by rename, by truncating and writing, or in many
 * small writes is seen half-way at times, and half a file may well parse); it is then parsed and checked as a whole
 * by the rules of start-up, and applied only if every check passes. A version that does not pass is refused as a
 * whole, with start-up's message: the server goes on as it was, and the {@link ConfigStatus} says why until a good
 * version is saved. Keys that take effect only at start-up are reported as needing a restart ({@link RestartKeys}).
 * SIGHUP reads the file at once ({@link #reloadNow}).
 */
public final class LiveConfig implements AutoCloseable {

    /** How long a file must keep its content before it is taken. */
    static final Duration SETTLE = Duration.ofSeconds(1);
    /** How often the files are looked at when no change is reported. */
    private static final Duration POLL = Duration.ofSeconds(2);
    /** How often they are looked at while one settles. */
    private static final Duration TICK = Duration.ofMillis(250);

    private static final System.Logger LOGGER = System.getLogger(LiveConfig.class.getName());
    private static final String FILE = "file";

    /** The parts of the running server that a configuration changes while it runs. */
    @FunctionalInterface
    public interface Target {
        /**
         * Checks a whole configuration as start-up does, then applies what changes live; changes nothing when a
         * check fails.
         *
         * @param root the configuration's root
         * @throws RuntimeException saying what is wrong, as start-up would
         */
        void apply(Config root);
    }

    private final Path file;
    private final Config startedFile;
    private final Target target;
    private final ConfigStatus status;
    private final Optional<CertificateWatch> certificates;
    private final Settling<String, String> settling = new Settling<>(SETTLE);
    private final FileWatch watch;
    /** Guarded by this: the digest of the version last read, applied or refused; null when the file was missing. */
    private String handled;
    private Config inForce;
    private volatile boolean watched;

    private LiveConfig(Path file, byte[] started, Config root, Target target, ConfigStatus status,
                       Optional<CertificateWatch> certificates, FileWatch watch) {
        this.file = file.toAbsolutePath();
        this.startedFile = ConfigFiles.fileOnly(file, started);
        this.target = target;
        this.status = status;
        this.certificates = certificates;
        this.watch = watch;
        this.handled = Digests.sha256(started);
        this.inForce = root;
        this.watched = watched(root);
    }

    /**
     * Starts following the file, the drivers directories and, on a TLS server, the certificate files.
     *
     * @param file    the configuration file
     * @param started what it held when the server started
     * @param root    the configuration the server started with
     * @param target  applies a new configuration
     * @param drivers the installed drivers, which jars copied in, replaced or removed change
     * @param cameras the cameras, moved to the drivers as they change
     * @param tls     reloads the listener's key and certificates, on a server started with TLS
     * @param status  where the state is shown
     * @return the running watch; close it before the server
     */
    public static LiveConfig start(Path file, byte[] started, Config root, Target target, DriverRegistry drivers,
                                   Cameras cameras, Optional<Consumer<Tls>> tls, ConfigStatus status) {
        FileWatch watch = new FileWatch(POLL, TICK);
        Optional<CertificateWatch> certificates = tls.map(reload -> new CertificateWatch(root.get("server.tls"),
                reload));
        LiveConfig live = new LiveConfig(file, started, root, target, status, certificates, watch);
        status.set(ConfigState.started(Optional.of(live.file), live.watched));
        Path dir = live.file.getParent();
        watch.watch(() -> Set.of(dir), live::check);
        certificates.ifPresent(certs -> watch.watch(certs::directories, certs));
        DriverWatch driverWatch = new DriverWatch(drivers, cameras, live::retry);
        watch.watch(driverWatch::directories, driverWatch);
        watch.start();
        return live;
    }

    /**
     * Reads the file at once and applies it, or says why not: what SIGHUP ({@code systemctl reload}) does.
     *
     * @param why what asked, for the log
     */
    public synchronized void reloadNow(String why) {
        Optional<byte[]> content = read();
        LOGGER.log(System.Logger.Level.INFO, "{0}: reading {1} again", why, file);
        handle(content);
    }

    /** Tries a refused version again, when something it lacked may have come (a driver). */
    private synchronized void retry() {
        if (status.state().refused().isPresent()) {
            handle(read());
        }
    }

    /** One look at the file: a new content is taken once it has settled. */
    private boolean check() {
        if (!watched) {
            return false;
        }
        Optional<byte[]> content = read();
        String digest = content.map(Digests::sha256).orElse(null);
        synchronized (this) {
            if (Objects.equals(digest, handled)) {
                settling.forget(FILE);
                return false;
            }
            if (!settling.settled(FILE, digest, System.nanoTime())) {
                return true;
            }
            handle(content);
        }
        return false;
    }

    /** Called with the lock held. */
    private void handle(Optional<byte[]> content) {
        handled = content.map(Digests::sha256).orElse(null);
        if (content.isEmpty()) {
            refuse(Files.exists(file) ? "the configuration file " + file + " cannot be read"
                    : "the configuration file " + file + " does not exist (removed, or renamed away)");
            return;
        }
        Config root;
        boolean watch;
        try {
            root = ConfigFiles.parse(file, content.get());
            watch = watched(root);
            target.apply(root);
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "The configuration was refused", e);
            refuse(e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        Config before = inForce;
        inForce = root;
        watched = watch;
        certificates.filter(certs -> certificatesChanged(before, root)).ifPresent(certs ->
                certs.use(root.get("server.tls")));
        List<String> restart = RestartKeys.changed(startedFile, ConfigFiles.fileOnly(file, content.get()),
                certificates.isPresent());
        status.set(new ConfigState(Optional.of(file), watch, Instant.now(), Optional.empty(), restart));
        LOGGER.log(System.Logger.Level.INFO, "The configuration file {0} is in force{1}", file,
                restart.isEmpty() ? "" : "; these keys take effect only when camstream is restarted, and run as "
                        + "they were: " + String.join(", ", restart));
    }

    private void refuse(String reason) {
        ConfigState now = status.state();
        Instant since = now.refused().map(ConfigState.Refusal::since).orElseGet(Instant::now);
        status.set(new ConfigState(now.file(), now.watched(), now.inForceSince(),
                Optional.of(new ConfigState.Refusal(reason, since)), now.restartNeeded()));
        LOGGER.log(System.Logger.Level.WARNING, "The configuration file {0} was not applied (camstream goes on as it"
                + " was; correct the file and save it again): {1}", file, reason);
    }

    private static boolean certificatesChanged(Config before, Config after) {
        return !certificateKeys(before).equals(certificateKeys(after));
    }

    private static Map<String, String> certificateKeys(Config root) {
        Map<String, String> keys = new TreeMap<>(root.get("server.tls").asMap().orElse(Map.of()));
        keys.keySet().removeIf(key -> !RestartKeys.certificate(key));
        return keys;
    }

    private static boolean watched(Config root) {
        return ConfigValues.booleanValue(root.get("camstream"), "watch-config", true);
    }

    private Optional<byte[]> read() {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Cannot read " + file + " now", e);
            return Optional.empty();
        }
    }

    /** Stops following the files. */
    @Override
    public void close() {
        watch.close();
    }
}
