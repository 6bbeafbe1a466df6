package io.camstream.core.driver;

import io.camstream.core.StartupException;
import io.camstream.core.watch.FileStamp;
import io.camstream.core.watch.Settling;
import io.camstream.spi.CameraProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The camera drivers installed: those on the server's class path and one class loader per jar of the drivers
 * directories. A jar that cannot be read or whose provider cannot be loaded is reported and skipped; the others still
 * load. At start-up two drivers with one name, in one directory or in two, stop the server, since the choice between
 * them would be arbitrary.
 * <p>
 * While the server runs, {@link #rescan()} takes in what changed in the directories: a jar copied in is loaded, a
 * replaced one is loaded anew, a removed one is unloaded. A jar counts only once it has looked the same (size,
 * modification time, file) for the settle time and its central directory reads as a whole, so a jar still being
 * copied is never loaded half-written. A jar that cannot be used then (broken, empty, naming a driver another jar
 * already provides, or one that others than its owner could have changed, see {@link DriverFileCheck}) is reported
 * once and changes nothing: a version loaded before stays in use. A jar refused for its permissions is looked at
 * again once they are right.
 */
public final class DriverRegistry implements AutoCloseable {

    /** How long a jar must stay unchanged before it is loaded, unless told otherwise. */
    public static final Duration SETTLE = Duration.ofSeconds(1);

    private static final System.Logger LOGGER = System.getLogger(DriverRegistry.class.getName());

    /**
     * @param stamp       how the jar looked when it was refused
     * @param permissions whether for who could change it, which may be put right without changing the jar
     */
    private record Refusal(FileStamp stamp, String reason, boolean permissions) {
    }

    private final Map<String, InstalledDriver> classPath;
    private final DriverFileCheck check = DriverFileCheck.forThisUser();
    private final Settling<Path, FileStamp> settling;
    private final LongSupplier nanoTime;
    private final Path copies;
    /** Guarded by this: the loaded jars, in the order found. */
    private final Map<Path, DriverJar> jars = new LinkedHashMap<>();
    /** Guarded by this: jars that could not be used as they look now, so that each is reported once. */
    private final Map<Path, Refusal> refused = new LinkedHashMap<>();
    private int copiesMade;
    private final List<Path> driversDirs;
    private volatile Map<String, InstalledDriver> drivers;

    private DriverRegistry(List<Path> driversDirs, Map<String, InstalledDriver> classPath, Duration settle,
                           LongSupplier nanoTime, Path copies) {
        this.driversDirs = List.copyOf(driversDirs);
        this.classPath = classPath;
        this.settling = new Settling<>(settle);
        this.nanoTime = nanoTime;
        this.copies = copies;
        this.drivers = classPath;
    }

    /**
     * Finds every driver, with the default settle time for later changes.
     *
     * @param server      the server's class loader: its class path is searched
     * @param driversDirs the drivers directories, searched in this order; a missing one means no driver jars from it
     * @return the registry; close it at shutdown to release the jars
     * @throws StartupException when two drivers share a name
     */
    public static DriverRegistry discover(ClassLoader server, List<Path> driversDirs) {
        return discover(server, driversDirs, SETTLE, System::nanoTime);
    }

    /**
     * Finds every driver.
     *
     * @param server      the server's class loader: its class path is searched
     * @param driversDirs the drivers directories, searched in this order; a missing one means no driver jars from it
     * @param settle      how long a jar must stay unchanged before {@link #rescan()} loads it
     * @param nanoTime    the monotonic clock the settle time is measured by
     * @return the registry; close it at shutdown to release the jars
     * @throws StartupException when two drivers share a name
     */
    public static DriverRegistry discover(ClassLoader server, List<Path> driversDirs, Duration settle,
                                          LongSupplier nanoTime) {
        Map<String, InstalledDriver> classPath = new TreeMap<>();
        DriverJar.providers(server, "class path", provider -> {
            InstalledDriver driver = new InstalledDriver(provider.configKey(), provider, classPathSource(provider));
            startupClash(classPath, driver);
            classPath.put(driver.name(), driver);
            logRegistered(driver);
        });
        DriverRegistry registry = new DriverRegistry(driversDirs, Collections.unmodifiableMap(classPath), settle,
                nanoTime, copiesDirectory());
        try {
            registry.loadAtStart();
        } catch (StartupException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    /**
     * The driver of a name.
     *
     * @param name a driver's name
     * @return the driver, if installed
     */
    public Optional<InstalledDriver> find(String name) {
        return Optional.ofNullable(drivers.get(name));
    }

    /**
     * Every installed driver, by name.
     *
     * @return the drivers
     */
    public Collection<InstalledDriver> drivers() {
        return drivers.values();
    }

    /**
     * The directories searched for driver jars, in the order searched.
     *
     * @return the directories
     */
    public List<Path> driversDirs() {
        return driversDirs;
    }

    /**
     * The jars of the drivers directories that are not used as they are now, and why.
     *
     * @return the reason by jar
     */
    public synchronized Map<Path, String> refusedJars() {
        Map<Path, String> reasons = new LinkedHashMap<>();
        refused.forEach((jar, refusal) -> reasons.put(jar, refusal.reason()));
        return reasons;
    }

    /**
     * Looks at the drivers directories and takes in every jar that has settled since the last look. Call it when the
     * directories changed, and again soon while {@link #settling()}.
     *
     * @return what changed; move the cameras of its drivers, then close it to release the old jars
     */
    public synchronized DriverChanges rescan() {
        Map<Path, Optional<FileStamp>> seen = new LinkedHashMap<>();
        jarsOfDirectories().forEach(jar -> seen.put(jar, stampOf(jar)));
        jars.keySet().forEach(jar -> seen.putIfAbsent(jar, Optional.empty()));
        refused.keySet().forEach(jar -> seen.putIfAbsent(jar, Optional.empty()));
        long now = nanoTime.getAsLong();
        List<Path> gone = new ArrayList<>();
        Map<Path, FileStamp> arrived = new LinkedHashMap<>();
        seen.forEach((jar, stamp) -> {
            if (inUse(jar, stamp)) {
                settling.forget(jar);
            } else if (settling.settled(jar, stamp.orElse(null), now)) {
                stamp.ifPresentOrElse(s -> arrived.put(jar, s), () -> gone.add(jar));
            }
        });
        DriverChanges changes = new DriverChanges();
        // Removals first: a jar renamed is seen gone and arrived at once, and its drivers must not clash with
        // themselves.
        for (Path jar : gone) {
            refused.remove(jar);
            DriverJar old = jars.remove(jar);
            if (old != null) {
                LOGGER.log(System.Logger.Level.INFO, "Driver jar {0} was removed: driver(s) {1} unloaded", jar,
                        names(old));
                changes.retire(old, Optional.empty());
            }
        }
        arrived.forEach((jar, stamp) -> load(jar, stamp, changes));
        if (!changes.isEmpty()) {
            drivers = snapshot();
        }
        return changes;
    }

    /**
     * Whether some jar changed lately and has not settled yet.
     *
     * @return {@code true} when {@link #rescan()} should be called again soon
     */
    public synchronized boolean settling() {
        return settling.pending();
    }

    /**
     * Releases the driver jars. Cameras must be closed first.
     */
    @Override
    public synchronized void close() {
        jars.values().forEach(DriverJar::close);
        jars.clear();
        try (Stream<Path> left = Files.list(copies)) {
            for (Path file : left.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(copies);
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Cannot delete " + copies, e);
        }
    }

    /** At start-up every jar present is loaded as it is, and a second driver of one name is an error. */
    private synchronized void loadAtStart() {
        driversDirs.stream().filter(dir -> !Files.isDirectory(dir)).forEach(dir -> LOGGER.log(
                System.Logger.Level.INFO, "No drivers directory at {0}; no driver jars from there", dir));
        for (Path jar : jarsOfDirectories()) {
            Optional<FileStamp> stamp = stampOf(jar);
            if (stamp.isEmpty()) {
                continue;
            }
            Optional<String> loose = looseness(jar);
            if (loose.isPresent()) {
                refused.put(jar, new Refusal(stamp.get(), loose.get(), true));
                LOGGER.log(System.Logger.Level.WARNING, "{0}", loose.get());
                continue;
            }
            try {
                DriverJar loaded = DriverJar.load(jar, stamp.get(), nextCopy(jar));
                for (InstalledDriver driver : loaded.drivers()) {
                    Optional<InstalledDriver> other = provider(driver.name(), jar);
                    if (other.isPresent()) {
                        loaded.close();
                        throw clash(other.get(), driver);
                    }
                }
                jars.put(jar, loaded);
                drivers = snapshot();
                loaded.drivers().forEach(DriverRegistry::logRegistered);
            } catch (DriverJar.Broken | DriverJar.Changed e) {
                refused.put(jar, new Refusal(stamp.get(), e.getMessage(), false));
                LOGGER.log(System.Logger.Level.WARNING, "{0}; skipped", e.getMessage());
            }
        }
    }

    private void load(Path jar, FileStamp stamp, DriverChanges changes) {
        Optional<String> loose = looseness(jar);
        if (loose.isPresent()) {
            refused.put(jar, new Refusal(stamp, loose.get(), true));
            LOGGER.log(System.Logger.Level.WARNING, "{0}; {1}", loose.get(), jars.containsKey(jar)
                    ? "the version loaded before stays in use" : "nothing changed");
            return;
        }
        DriverJar loaded;
        try {
            loaded = DriverJar.load(jar, stamp, nextCopy(jar));
        } catch (DriverJar.Changed e) {
            return; // seen again, and settled anew, on a later look
        } catch (DriverJar.Broken e) {
            refuse(jar, stamp, e.getMessage());
            return;
        }
        for (InstalledDriver driver : loaded.drivers()) {
            Optional<InstalledDriver> other = provider(driver.name(), jar);
            if (other.isPresent()) {
                loaded.close();
                refuse(jar, stamp, clash(other.get(), driver).getMessage());
                return;
            }
        }
        refused.remove(jar);
        Optional<DriverJar> old = Optional.ofNullable(jars.put(jar, loaded));
        old.ifPresent(previous -> changes.retire(previous, Optional.of(loaded)));
        changes.arrived(loaded);
        LOGGER.log(System.Logger.Level.INFO, old.isPresent() ? "Driver jar {0} was replaced: driver(s) {1} loaded anew"
                : "Driver jar {0} was added: driver(s) {1} loaded", jar, names(loaded));
        loaded.drivers().forEach(DriverRegistry::logRegistered);
    }

    private void refuse(Path jar, FileStamp stamp, String reason) {
        refused.put(jar, new Refusal(stamp, reason, false));
        LOGGER.log(System.Logger.Level.WARNING, "{0}; {1}", reason, jars.containsKey(jar)
                ? "the version loaded before stays in use" : "nothing changed");
    }

    /** Whether a jar looks as the one in use, or as one already refused for a reason that still holds. */
    private boolean inUse(Path jar, Optional<FileStamp> stamp) {
        DriverJar loaded = jars.get(jar);
        Refusal refusal = refused.get(jar);
        return stamp.equals(Optional.ofNullable(loaded).map(DriverJar::stamp))
                || (stamp.isPresent() && refusal != null && refusal.stamp().equals(stamp.get())
                        && (!refusal.permissions() || looseness(jar).isPresent()));
    }

    /** Why others than the jar's owner could have changed it or its directory, if they could. */
    private Optional<String> looseness(Path jar) {
        return check.directoryProblem(jar.getParent())
                .map(problem -> "Refusing every driver jar of " + jar.getParent() + ": " + problem)
                .or(() -> check.jarProblem(jar).map(problem -> "Refusing driver jar " + jar + ": " + problem));
    }

    /** The driver of a name from anywhere but a jar (which is being loaded anew). */
    private Optional<InstalledDriver> provider(String name, Path except) {
        InstalledDriver onClassPath = classPath.get(name);
        if (onClassPath != null) {
            return Optional.of(onClassPath);
        }
        return jars.values().stream()
                .filter(jar -> !jar.jar().equals(except))
                .flatMap(jar -> jar.drivers().stream())
                .filter(driver -> driver.name().equals(name))
                .findFirst();
    }

    private Map<String, InstalledDriver> snapshot() {
        Map<String, InstalledDriver> all = new TreeMap<>(classPath);
        jars.values().forEach(jar -> jar.drivers().forEach(driver -> all.putIfAbsent(driver.name(), driver)));
        return Collections.unmodifiableMap(all);
    }

    private List<Path> jarsOfDirectories() {
        Set<Path> found = new LinkedHashSet<>();
        for (Path dir : driversDirs) {
            found.addAll(jars(dir));
        }
        return List.copyOf(found);
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new StartupException("Cannot list the drivers directory " + dir + ": " + e.getMessage());
        }
    }

    private static Optional<FileStamp> stampOf(Path jar) {
        try {
            return FileStamp.of(jar);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path nextCopy(Path jar) {
        return copies.resolve(++copiesMade + "-" + jar.getFileName());
    }

    private static Path copiesDirectory() {
        try {
            // Created for this process alone (0700 where permissions are POSIX), deleted at close.
            return Files.createTempDirectory("camstream-drivers-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a folder for the driver jars' copies", e);
        }
    }

    private static void startupClash(Map<String, InstalledDriver> found, InstalledDriver driver) {
        InstalledDriver existing = found.get(driver.name());
        if (existing != null) {
            throw clash(existing, driver);
        }
    }

    private static StartupException clash(InstalledDriver existing, InstalledDriver driver) {
        return new StartupException("Two camera drivers are named '" + driver.name() + "': " + existing.source()
                + " and " + driver.source() + ". Remove one of them.");
    }

    private static void logRegistered(InstalledDriver driver) {
        LOGGER.log(System.Logger.Level.INFO, "Camera driver ''{0}'' ({1}) from {2}",
                driver.name(), driver.provider().getClass().getName(), driver.source());
    }

    private static List<String> names(DriverJar jar) {
        return jar.drivers().stream().map(InstalledDriver::name).toList();
    }

    private static String classPathSource(CameraProvider provider) {
        CodeSource code = provider.getClass().getProtectionDomain().getCodeSource();
        URL location = code == null ? null : code.getLocation();
        return location == null ? "class path" : "class path (" + location.getPath() + ")";
    }
}
