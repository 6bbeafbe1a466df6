package io.camstream.core.driver;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one driver jar, shaped as Trino's plugin class loader: its parent is the platform class loader,
 * so a driver sees the JDK, its own jar and, from the server, only the packages drivers are written against, which
 * every driver shares: the SPI, the toolkit drivers build on (JPEG pictures and splitting, child processes) and
 * Helidon's configuration with the common types it exposes. Its own libraries come from its jar, so they never clash
 * with the server's or another driver's, and a driver cannot come to depend on server internals that change under it.
 * A class the platform has too is the platform's. Service files are read from the jar only, so a driver jar never
 * re-registers drivers of the server's class path.
 */
final class DriverClassLoader extends URLClassLoader {

    /** What drivers are compiled against (camstream-core, Helidon Config), and nothing more of the server. */
    static final List<String> SHARED_PACKAGES = List.of("io.camstream.spi.", "io.camstream.core.image.",
            "io.camstream.core.jpeg.", "io.camstream.core.process.", "io.helidon.config.", "io.helidon.common.");
    private static final String SERVICES = "META-INF/services/";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader server;

    /**
     * @param name   what the loader is called in stack traces and logs: the jar as the user put it
     * @param jar    the jar the classes are read from
     * @param server the server's class loader, which the shared packages come from
     */
    DriverClassLoader(String name, URL jar, ClassLoader server) {
        super("driver:" + name, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        this.server = server;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return server.loadClass(name);
        }
        // The platform first, then the jar: nothing else is visible.
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith(SERVICES) ? findResources(name) : super.getResources(name);
    }

    private static boolean isShared(String className) {
        for (String prefix : SHARED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
