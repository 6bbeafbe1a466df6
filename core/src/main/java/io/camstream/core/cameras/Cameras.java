package io.camstream.core.cameras;

import io.camstream.core.driver.DriverChanges;
import io.camstream.core.driver.DriverRegistry;
import io.camstream.core.driver.InstalledDriver;
import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.FeedClock;
import io.camstream.core.fanout.FeedSettings;
import io.camstream.spi.CameraConfigException;
import io.camstream.spi.ConfigValues;
import io.camstream.spi.Orientation;
import io.helidon.config.Config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configured cameras, each a {@link CameraFeed}, in the order of the configuration; the first is the default.
 * Every camera's configuration is checked before it is used, so that a mistake stops the start-up (or is refused
 * while running) with a message naming the key, rather than surfacing when a viewer first arrives.
 * <p>
 * The set changes while the server runs: {@link #plan} checks a new list of cameras as a whole, and {@link #apply}
 * makes it the running one. A camera whose keys are all as before (its {@code allowed-users} aside, which decide
 * who may watch, not how it runs) keeps its feed, its capture and its viewers; a changed camera gets a new feed, a
 * removed one is closed, which ends its viewers' streams. {@link CameraListener}s follow every change.
 */
public final class Cameras implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(Cameras.class.getName());

    /** Names appear in URLs, so they are kept to characters that need no escaping. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Set<String> CAMERA_KEYS = Set.of("name", "driver", "allowed-users");
    /** Who may watch is enforced by the server on every request and open stream; it does not restart a camera. */
    private static final String ACCESS_KEY = "allowed-users";

    /**
     * A camera as it runs.
     *
     * @param driver its driver, empty while the driver is not installed
     */
    private record Configured(CameraFeed feed, Config config, Map<String, String> fingerprint,
                              Optional<InstalledDriver> driver) {
        Configured withDriver(Optional<InstalledDriver> other) {
            return new Configured(feed, config, fingerprint, other);
        }
    }

    private final Set<String> otherKeys;
    private final ScheduledExecutorService timers;
    private final FeedClock clock;
    private final List<CameraListener> listeners = new CopyOnWriteArrayList<>();
    /** Held while the set changes, so that changes and listeners see one set at a time. */
    private final Object changing = new Object();
    private volatile Map<String, Configured> lineup = Map.of();
    private boolean closed;

    private Cameras(Set<String> otherKeys) {
        this.otherKeys = Set.copyOf(otherKeys);
        this.timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("camera-timers").daemon().factory());
        this.clock = FeedClock.system(timers);
    }

    /**
     * Builds the cameras of a configuration; nothing is captured until a viewer arrives.
     *
     * @param cameras the {@code camstream.cameras} node: a list of cameras
     * @param drivers the installed drivers
     * @return the cameras
     * @throws CameraConfigException when a camera's configuration is wrong
     */
    public static Cameras fromConfig(Config cameras, DriverRegistry drivers) {
        return fromConfig(cameras, drivers, Set.of());
    }

    /**
     * Builds the cameras of a configuration, whose nodes may also hold keys that other parts of camstream read
     * (such as {@code recording}): they are not reported as unknown, now or in a later {@link #plan}.
     *
     * @param cameras   the {@code camstream.cameras} node: a list of cameras
     * @param drivers   the installed drivers
     * @param otherKeys keys of a camera's node read elsewhere
     * @return the cameras
     * @throws CameraConfigException when a camera's configuration is wrong
     */
    public static Cameras fromConfig(Config cameras, DriverRegistry drivers, Set<String> otherKeys) {
        Cameras created = new Cameras(otherKeys);
        try {
            created.apply(created.plan(cameras, drivers));
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        return created;
    }

    /**
     * Checks a list of cameras as a whole, against the drivers installed now. A camera that names a driver that is
     * not installed is refused, as at start-up, unless it is running already, unchanged, and waiting for its driver
     * to come back.
     *
     * @param cameras the {@code camstream.cameras} node
     * @param drivers the installed drivers
     * @return the plan, for {@link #apply}
     * @throws CameraConfigException naming the first key that is wrong
     */
    public CameraPlan plan(Config cameras, DriverRegistry drivers) {
        Map<String, Configured> running = lineup;
        Map<String, Config> byName = new LinkedHashMap<>();
        List<CameraPlan.Entry> entries = new ArrayList<>();
        for (Config entry : entries(cameras)) {
            String name = name(entry);
            Config previous = byName.putIfAbsent(name, entry);
            if (previous != null) {
                throw new CameraConfigException(ConfigValues.fullKey(entry, "name") + ": '" + name
                        + "' is already the name of " + previous.key() + "; camera names must be unique");
            }
            Map<String, String> fingerprint = fingerprint(entry);
            Configured now = running.get(name);
            if (now != null && now.driver().isEmpty() && now.fingerprint().equals(fingerprint)
                    && drivers.find(now.feed().driver()).isEmpty()) {
                entries.add(new CameraPlan.Entry(name, now.config(), fingerprint, Optional.empty(),
                        now.feed().settings()));
                continue;
            }
            InstalledDriver driver = driver(entry, drivers);
            entries.add(new CameraPlan.Entry(name, entry, fingerprint, Optional.of(driver),
                    check(entry, driver, otherKeys)));
        }
        return new CameraPlan(entries);
    }

    /**
     * Makes a plan the running set of cameras: new cameras appear, changed ones get a new feed, removed ones are
     * closed (their viewers' streams end), unchanged ones go on untouched. New requests see the new set at once.
     *
     * @param plan a plan from {@link #plan} of these cameras
     * @return what changed
     */
    public CameraChanges apply(CameraPlan plan) {
        synchronized (changing) {
            if (closed) {
                throw new IllegalStateException("the cameras are closed");
            }
            Map<String, Configured> old = lineup;
            Map<String, Configured> next = new LinkedHashMap<>();
            List<Configured> leaving = new ArrayList<>();
            List<CameraFeed> joining = new ArrayList<>();
            List<String> added = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (CameraPlan.Entry entry : plan.entries()) {
                Configured current = old.get(entry.name());
                if (current != null && current.fingerprint().equals(entry.fingerprint())) {
                    next.put(entry.name(), keep(current, entry));
                    kept.add(entry.name());
                    continue;
                }
                Configured created = create(entry);
                next.put(entry.name(), created);
                joining.add(created.feed());
                (current == null ? added : changed).add(entry.name());
                if (current != null) {
                    leaving.add(current);
                }
            }
            List<String> removed = new ArrayList<>();
            old.forEach((name, camera) -> {
                if (!next.containsKey(name)) {
                    leaving.add(camera);
                    removed.add(name);
                }
            });
            lineup = Collections.unmodifiableMap(next);
            leaving.forEach(camera -> close(camera.feed()));
            joining.forEach(feed -> listeners.forEach(listener -> listener.added(feed)));
            CameraChanges changes = new CameraChanges(List.copyOf(added), List.copyOf(changed), List.copyOf(removed),
                    List.copyOf(kept));
            if (!old.isEmpty() && !changes.isEmpty()) {
                LOGGER.log(System.Logger.Level.INFO, "Cameras changed: added {0}, restarted {1}, removed {2}; "
                        + "untouched {3}", added, changed, removed, kept);
            }
            return changes;
        }
    }

    /**
     * Moves the cameras of drivers that came, went or were replaced to the drivers installed now. A camera whose
     * driver is gone, or whose new driver refuses its configuration, shows NO SIGNAL saying so while watched, and
     * waits for its driver.
     *
     * @param drivers the installed drivers, after the change
     * @param changes what changed
     */
    public void useDrivers(DriverRegistry drivers, DriverChanges changes) {
        synchronized (changing) {
            Map<String, Configured> next = new LinkedHashMap<>(lineup);
            next.replaceAll((name, camera) -> changes.names().contains(camera.feed().driver())
                    ? moved(camera, drivers, changes) : camera);
            lineup = Collections.unmodifiableMap(next);
        }
    }

    /**
     * Follows the set of cameras from now on; the listener hears at once of every camera there is.
     *
     * @param listener the listener
     */
    public void listen(CameraListener listener) {
        synchronized (changing) {
            listeners.add(listener);
            lineup.values().forEach(camera -> listener.added(camera.feed()));
        }
    }

    /**
     * The first configured camera.
     *
     * @return the default camera
     */
    public CameraFeed defaultCamera() {
        return lineup.values().iterator().next().feed();
    }

    /**
     * A camera by name.
     *
     * @param name the camera's name
     * @return the camera, if configured
     */
    public Optional<CameraFeed> find(String name) {
        return Optional.ofNullable(lineup.get(name)).map(Configured::feed);
    }

    /**
     * Every camera, in configuration order.
     *
     * @return the cameras
     */
    public List<CameraFeed> all() {
        return lineup.values().stream().map(Configured::feed).toList();
    }

    /**
     * Every camera's name, in configuration order.
     *
     * @return the names
     */
    public List<String> names() {
        return List.copyOf(lineup.keySet());
    }

    /**
     * Stops every capture (in reverse order of configuration) and wakes their viewers so their streams end. The
     * cameras can still be looked at, closed, but the set no longer changes.
     */
    @Override
    public void close() {
        synchronized (changing) {
            closed = true;
            List<Configured> reversed = new ArrayList<>(lineup.values());
            Collections.reverse(reversed);
            reversed.forEach(camera -> close(camera.feed()));
        }
        timers.shutdownNow();
    }

    private void close(CameraFeed feed) {
        listeners.forEach(listener -> listener.removed(feed));
        feed.close();
    }

    private Configured keep(Configured current, CameraPlan.Entry entry) {
        if (entry.driver().isEmpty() || entry.driver().equals(current.driver())) {
            return current;
        }
        current.feed().useDriver(entry.driver().get().provider());
        return current.withDriver(entry.driver());
    }

    private Configured create(CameraPlan.Entry entry) {
        InstalledDriver driver = entry.driver().orElseThrow();
        CameraFeed feed = new CameraFeed(entry.name(), driver.name(), driver.provider(), entry.config(),
                entry.settings(), clock);
        return new Configured(feed, entry.config(), entry.fingerprint(), entry.driver());
    }

    private Configured moved(Configured camera, DriverRegistry drivers, DriverChanges changes) {
        String driver = camera.feed().driver();
        Optional<InstalledDriver> installed = drivers.find(driver);
        if (installed.isEmpty()) {
            camera.feed().driverGone(changes.removal(driver).orElse("driver " + driver + " is not installed"));
            return camera.withDriver(Optional.empty());
        }
        try {
            check(camera.config(), installed.get(), otherKeys);
        } catch (CameraConfigException e) {
            camera.feed().driverGone("driver " + driver + " from " + installed.get().source()
                    + " refuses this camera's configuration: " + e.getMessage());
            return camera.withDriver(Optional.empty());
        }
        camera.feed().useDriver(installed.get().provider());
        return camera.withDriver(installed);
    }

    /** Every check a camera's node must pass with its driver; returns how its feed runs. */
    private static FeedSettings check(Config entry, InstalledDriver driver, Set<String> otherKeys) {
        // The driver checks first: its messages give its own ranges for shared keys such as fps.
        driver.provider().validate(entry);
        Orientation.from(entry);
        FeedSettings settings = FeedSettings.from(entry, driver.provider());
        checkKeys(entry, driver, otherKeys);
        return settings;
    }

    /** Every key of a camera's node and its value, but those that decide only who may watch it. */
    private static Map<String, String> fingerprint(Config entry) {
        Map<String, String> keys = new TreeMap<>(entry.detach().asMap().orElse(Map.of()));
        keys.keySet().removeIf(key -> key.equals(ACCESS_KEY) || key.startsWith(ACCESS_KEY + "."));
        return Map.copyOf(keys);
    }

    private static List<Config> entries(Config cameras) {
        if (!cameras.exists()) {
            throw new CameraConfigException(cameras.key() + ": no camera is configured; add a list entry such as"
                    + " '- name: default' with 'driver: sim'");
        }
        if (cameras.type() != Config.Type.LIST) {
            throw new CameraConfigException(cameras.key() + ": expected a list of cameras, each starting with '- name:'");
        }
        List<Config> entries = cameras.asNodeList().get();
        if (entries.isEmpty()) {
            throw new CameraConfigException(cameras.key() + ": the list of cameras is empty; add at least one");
        }
        return entries;
    }

    private static String name(Config entry) {
        String name = ConfigValues.stringValue(entry, "name").orElseThrow(() -> new CameraConfigException(
                entry.key() + ": a camera needs a 'name' (letters, digits, '-' and '_'; it appears in URLs)"));
        if (!NAME.matcher(name).matches()) {
            throw ConfigValues.error(entry, "name", name, "is not a usable camera name",
                    "1 to 64 letters, digits, '-' and '_', starting with a letter or digit");
        }
        return name;
    }

    private static InstalledDriver driver(Config entry, DriverRegistry drivers) {
        String installed = describe(drivers);
        String driver = ConfigValues.stringValue(entry, "driver").orElseThrow(() -> new CameraConfigException(
                entry.key() + ": a camera needs a 'driver'. " + installed));
        return drivers.find(driver).orElseThrow(() -> new CameraConfigException(
                ConfigValues.fullKey(entry, "driver") + ": '" + driver + "' is not an installed driver. " + installed));
    }

    private static String describe(DriverRegistry drivers) {
        String list = drivers.drivers().isEmpty()
                ? "none"
                : drivers.drivers().stream()
                        .map(d -> d.name() + " (" + d.source() + ")")
                        .collect(Collectors.joining(", "));
        List<Path> dirs = drivers.driversDirs();
        String searched = dirs.stream().map(dir -> dir.toAbsolutePath().toString()).collect(Collectors.joining(", "));
        return "Installed drivers: " + list + (dirs.size() == 1
                ? ". Drivers directory searched: " + searched + " (put a driver jar there"
                : ". Drivers directories searched: " + searched + " (put a driver jar in one of them")
                + ", or set camstream.drivers-dir).";
    }

    private static void checkKeys(Config entry, InstalledDriver driver, Set<String> otherKeys) {
        Set<String> known = driver.provider().configKeys();
        if (known.isEmpty()) {
            return;
        }
        Set<String> allowed = new TreeSet<>(known);
        allowed.addAll(FeedSettings.KEYS);
        allowed.addAll(CAMERA_KEYS);
        allowed.addAll(otherKeys);
        ConfigValues.requireKnownKeys(entry, "driver '" + driver.name() + "'", allowed);
    }
}
