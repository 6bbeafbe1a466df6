package io.camstream.core.driver;

import io.camstream.core.StartupException;
import io.camstream.spi.CameraProvider;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The camera drivers installed: those on the server's class path and one class loader per jar of the drivers
 * directories. A jar that cannot be read or whose provider cannot be loaded is reported and skipped; the others still
 * load. Two drivers with one name, in one directory or in two, stop the start-up, since the choice between them
 * would be arbitrary.
 */
public final class DriverRegistry implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(DriverRegistry.class.getName());

    /** Stops the search of one source that keeps failing, rather than looping on a damaged jar. */
    private static final int MAX_BROKEN_PER_SOURCE = 100;

    private final List<Path> driversDirs;
    private final Map<String, InstalledDriver> drivers;
    private final List<DriverClassLoader> loaders;

    private DriverRegistry(List<Path> driversDirs, Map<String, InstalledDriver> drivers,
            List<DriverClassLoader> loaders) {
        this.driversDirs = driversDirs;
        this.drivers = drivers;
        this.loaders = loaders;
    }

    /**
     * Finds every driver.
     *
     * @param server      the server's class loader: its class path is searched and its SPI shared with driver jars
     * @param driversDirs the drivers directories, searched in this order; a missing one means no driver jars from it
     * @return the registry; close it at shutdown to release the jars
     * @throws StartupException when two drivers share a name
     */
    public static DriverRegistry discover(ClassLoader server, List<Path> driversDirs) {
        Map<String, InstalledDriver> found = new TreeMap<>();
        List<DriverClassLoader> loaders = new ArrayList<>();
        try {
            load(ServiceLoader.load(CameraProvider.class, server), "class path",
                    provider -> register(found, provider, classPathSource(provider)));
            DriverFileCheck check = DriverFileCheck.forThisUser();
            for (Path jar : driversDirs.stream().flatMap(dir -> jars(dir, check).stream()).toList()) {
                DriverClassLoader loader = loaderFor(jar);
                if (loader == null) {
                    continue;
                }
                loaders.add(loader);
                int before = found.size();
                load(ServiceLoader.load(CameraProvider.class, loader), jar.toString(),
                        provider -> register(found, provider, jar.toString()));
                if (found.size() == before) {
                    LOGGER.log(System.Logger.Level.WARNING, "{0} holds no camera driver (no usable entry in "
                            + "META-INF/services/" + CameraProvider.class.getName() + "); skipped", jar);
                }
            }
        } catch (StartupException e) {
            loaders.forEach(DriverRegistry::closeQuietly);
            throw e;
        }
        return new DriverRegistry(List.copyOf(driversDirs), found, loaders);
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
     * Releases the driver jars. Cameras must be closed first.
     */
    @Override
    public void close() {
        loaders.forEach(DriverRegistry::closeQuietly);
    }

    private static void load(ServiceLoader<CameraProvider> loader, String source, Consumer<CameraProvider> sink) {
        Iterator<CameraProvider> providers = loader.iterator();
        for (int failures = 0; failures < MAX_BROKEN_PER_SOURCE; ) {
            try {
                if (!providers.hasNext()) {
                    return;
                }
                sink.accept(providers.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                // One broken provider must not hide the others: report it and go on with the next.
                LOGGER.log(System.Logger.Level.WARNING, "Skipping a camera driver from " + source + ": " + e);
                failures++;
            }
        }
    }

    private static void register(Map<String, InstalledDriver> found, CameraProvider provider, String source) {
        String name = provider.configKey();
        InstalledDriver existing = found.get(name);
        if (existing != null) {
            throw new StartupException("Two camera drivers are named '" + name + "': " + existing.source()
                    + " and " + source + ". Remove one of them.");
        }
        found.put(name, new InstalledDriver(name, provider, source));
        LOGGER.log(System.Logger.Level.INFO, "Camera driver ''{0}'' ({1}) from {2}",
                name, provider.getClass().getName(), source);
    }

    /** The jars of the drivers directory that only their owner could have changed; the others are refused. */
    private static List<Path> jars(Path dir, DriverFileCheck check) {
        if (!Files.isDirectory(dir)) {
            LOGGER.log(System.Logger.Level.INFO, "No drivers directory at {0}; no driver jars from there", dir);
            return List.of();
        }
        Optional<String> loose = check.directoryProblem(dir);
        if (loose.isPresent()) {
            LOGGER.log(System.Logger.Level.WARNING, "Refusing every driver jar of {0}: {1}", dir, loose.get());
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted()
                    .filter(jar -> trusted(jar, check))
                    .toList();
        } catch (IOException e) {
            throw new StartupException("Cannot list the drivers directory " + dir + ": " + e.getMessage());
        }
    }

    private static boolean trusted(Path jar, DriverFileCheck check) {
        Optional<String> loose = check.jarProblem(jar);
        loose.ifPresent(problem -> LOGGER.log(System.Logger.Level.WARNING, "Refusing driver jar {0}: {1}", jar,
                problem));
        return loose.isEmpty();
    }

    private static DriverClassLoader loaderFor(Path jar) {
        if (!isZip(jar)) {
            LOGGER.log(System.Logger.Level.WARNING, "{0} is not a jar file; skipped", jar);
            return null;
        }
        try {
            return new DriverClassLoader(jar.toUri().toURL(), DriverRegistry.class.getClassLoader());
        } catch (MalformedURLException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Cannot load {0}: {1}; skipped", jar, e.getMessage());
            return null;
        }
    }

    private static boolean isZip(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    private static String classPathSource(CameraProvider provider) {
        CodeSource code = provider.getClass().getProtectionDomain().getCodeSource();
        URL location = code == null ? null : code.getLocation();
        return location == null ? "class path" : "class path (" + location.getPath() + ")";
    }

    private static void closeQuietly(DriverClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Closing " + loader.getName() + " failed", e);
        }
    }
}
