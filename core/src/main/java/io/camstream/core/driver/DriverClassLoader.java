package io.camstream.core.driver;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one driver jar. The SPI and everything the server shares with drivers (camstream's own
 * packages, Helidon, the JDK) come from the server, so every driver sees the same SPI types; all other classes are
 * looked up in the jar first, so a driver's third-party libraries never clash with the server's or another driver's.
 * Service files are read from the jar only, so a driver jar never re-registers drivers of the server's class path.
 */
final class DriverClassLoader extends URLClassLoader {

    private static final List<String> SHARED_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "io.camstream.spi.", "io.camstream.core.", "io.helidon.");
    private static final String SERVICES = "META-INF/services/";

    static {
        registerAsParallelCapable();
    }

    DriverClassLoader(URL jar, ClassLoader server) {
        super("driver:" + jar, new URL[] {jar}, server);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                try {
                    type = findClass(name);
                } catch (ClassNotFoundException notInJar) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
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
