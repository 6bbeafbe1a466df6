package io.camstream.core.cameras;

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
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configured cameras, each a {@link CameraFeed}, in the order of the configuration; the first is the default.
 * Every camera's configuration is checked when this is built, so that a mistake stops the start-up with a message
 * naming the key, rather than surfacing when a viewer first arrives.
 */
public final class Cameras implements AutoCloseable {

    /** Names appear in URLs, so they are kept to characters that need no escaping. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Set<String> CAMERA_KEYS = Set.of("name", "driver", "allowed-users");

    private final Map<String, CameraFeed> feeds;
    private final ScheduledExecutorService timers;

    private Cameras(Map<String, CameraFeed> feeds, ScheduledExecutorService timers) {
        this.feeds = feeds;
        this.timers = timers;
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
     * (such as {@code recording}): they are not reported as unknown.
     *
     * @param cameras   the {@code camstream.cameras} node: a list of cameras
     * @param drivers   the installed drivers
     * @param otherKeys keys of a camera's node read elsewhere
     * @return the cameras
     * @throws CameraConfigException when a camera's configuration is wrong
     */
    public static Cameras fromConfig(Config cameras, DriverRegistry drivers, Set<String> otherKeys) {
        List<Config> entries = entries(cameras);
        Map<String, Config> byName = new LinkedHashMap<>();
        Map<String, InstalledDriver> driverOf = new LinkedHashMap<>();
        Map<String, FeedSettings> settingsOf = new LinkedHashMap<>();
        for (Config entry : entries) {
            String name = name(entry);
            Config previous = byName.putIfAbsent(name, entry);
            if (previous != null) {
                throw new CameraConfigException(ConfigValues.fullKey(entry, "name") + ": '" + name
                        + "' is already the name of " + previous.key() + "; camera names must be unique");
            }
            InstalledDriver driver = driver(entry, drivers);
            // The driver checks first: its messages give its own ranges for shared keys such as fps.
            driver.provider().validate(entry);
            Orientation.from(entry);
            settingsOf.put(name, FeedSettings.from(entry, driver.provider()));
            checkKeys(entry, driver, otherKeys);
            driverOf.put(name, driver);
        }
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("camera-timers").daemon().factory());
        FeedClock clock = FeedClock.system(timers);
        Map<String, CameraFeed> feeds = new LinkedHashMap<>();
        byName.forEach((name, entry) -> {
            InstalledDriver driver = driverOf.get(name);
            feeds.put(name, new CameraFeed(name, driver.name(), driver.provider(), entry,
                    settingsOf.get(name), clock));
        });
        return new Cameras(Collections.unmodifiableMap(feeds), timers);
    }

    /**
     * The first configured camera.
     *
     * @return the default camera
     */
    public CameraFeed defaultCamera() {
        return feeds.values().iterator().next();
    }

    /**
     * A camera by name.
     *
     * @param name the camera's name
     * @return the camera, if configured
     */
    public Optional<CameraFeed> find(String name) {
        return Optional.ofNullable(feeds.get(name));
    }

    /**
     * Every camera, in configuration order.
     *
     * @return the cameras
     */
    public List<CameraFeed> all() {
        return List.copyOf(feeds.values());
    }

    /**
     * Every camera's name, in configuration order.
     *
     * @return the names
     */
    public List<String> names() {
        return List.copyOf(feeds.keySet());
    }

    /**
     * Stops every capture (in reverse order of configuration) and wakes their viewers so their streams end.
     */
    @Override
    public void close() {
        List<CameraFeed> reversed = new ArrayList<>(feeds.values());
        Collections.reverse(reversed);
        reversed.forEach(CameraFeed::close);
        timers.shutdownNow();
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
