package io.camstream.core.driver;

import io.camstream.core.watch.FileStamp;
import io.camstream.spi.CameraProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * One jar of a drivers directory, loaded: its drivers come from a private copy of it, so that the user may
 * overwrite or delete the jar at any time (a {@code cp} over it writes into the very file a class loader reads from)
 * without breaking the classes in use. Closing it releases the class loader and deletes the copy; the drivers'
 * cameras must be closed first.
 */
final class DriverJar implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(DriverJar.class.getName());

    /** Stops the search of one source that keeps failing, rather than looping on a damaged jar. */
    private static final int MAX_BROKEN_PER_SOURCE = 100;

    /** The jar cannot be used as it is: not a complete jar, or no driver in it. */
    static final class Broken extends Exception {
        Broken(String message) {
            super(message, null, false, false);
        }
    }

    /** The jar changed while it was being copied: look again once it has settled. */
    static final class Changed extends Exception {
        Changed(Path jar) {
            super(jar + " changed while it was being read", null, false, false);
        }
    }

    private final Path jar;
    private final FileStamp stamp;
    private final Path copy;
    private final DriverClassLoader loader;
    private final List<InstalledDriver> drivers;

    private DriverJar(Path jar, FileStamp stamp, Path copy, DriverClassLoader loader, List<InstalledDriver> drivers) {
        this.jar = jar;
        this.stamp = stamp;
        this.copy = copy;
        this.loader = loader;
        this.drivers = drivers;
    }

    /**
     * Copies a jar and loads the drivers of the copy.
     *
     * @param jar   the jar in its drivers directory
     * @param stamp how the jar looked when it was found settled
     * @param copy  where its private copy goes
     * @return the loaded jar
     * @throws Broken  when it is not a complete jar or has no usable driver
     * @throws Changed when it changed while being copied
     */
    static DriverJar load(Path jar, FileStamp stamp, Path copy) throws Broken, Changed {
        try {
            Files.copy(jar, copy);
            if (!FileStamp.of(jar).equals(Optional.of(stamp))) {
                Files.deleteIfExists(copy);
                throw new Changed(jar);
            }
        } catch (IOException e) {
            deleteQuietly(copy);
            throw new Broken(jar + " cannot be read: " + e.getMessage());
        }
        try {
            checkZip(jar, copy);
            DriverClassLoader loader = new DriverClassLoader(jar.toString(), url(copy),
                    DriverJar.class.getClassLoader());
            List<InstalledDriver> drivers = new ArrayList<>();
            providers(loader, jar.toString(), provider -> drivers.add(
                    new InstalledDriver(provider.configKey(), provider, jar.toString())));
            if (drivers.isEmpty()) {
                closeQuietly(loader);
                throw new Broken(jar + " holds no camera driver (no usable entry in META-INF/services/"
                        + CameraProvider.class.getName() + ")");
            }
            return new DriverJar(jar, stamp, copy, loader, List.copyOf(drivers));
        } catch (Broken e) {
            deleteQuietly(copy);
            throw e;
        }
    }

    /**
     * Finds the providers of a class loader; one that cannot be loaded is reported and skipped, so that it does not
     * hide the others.
     *
     * @param loader the class loader
     * @param source where its providers come from, for the log
     * @param sink   takes each provider
     */
    static void providers(ClassLoader loader, String source, Consumer<CameraProvider> sink) {
        Iterator<CameraProvider> providers = ServiceLoader.load(CameraProvider.class, loader).iterator();
        for (int failures = 0; failures < MAX_BROKEN_PER_SOURCE; ) {
            try {
                if (!providers.hasNext()) {
                    return;
                }
                sink.accept(providers.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                LOGGER.log(System.Logger.Level.WARNING, "Skipping a camera driver from " + source + ": " + e);
                failures++;
            }
        }
    }

    Path jar() {
        return jar;
    }

    FileStamp stamp() {
        return stamp;
    }

    List<InstalledDriver> drivers() {
        return drivers;
    }

    @Override
    public void close() {
        closeQuietly(loader);
        deleteQuietly(copy);
    }

    /** The central directory is the end of a zip file: a jar still being written has none yet, or a wrong one. */
    private static void checkZip(Path jar, Path copy) throws Broken {
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            if (zip.size() == 0) {
                throw new Broken(jar + " is an empty jar file");
            }
        } catch (ZipException e) {
            throw new Broken(jar + " is not a jar file, or not a complete one (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new Broken(jar + " cannot be read: " + e.getMessage());
        }
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(DriverClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Closing " + loader.getName() + " failed", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Cannot delete " + file, e);
        }
    }
}
