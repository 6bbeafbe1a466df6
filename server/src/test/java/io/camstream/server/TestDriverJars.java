package io.camstream.server;

import io.camstream.spi.CameraProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Drop-in driver jars made at test time: the counting driver under a name and version of its own, put in place the
 * way a package manager does (written beside it, then renamed over it), so that the server never sees it half-made.
 */
final class TestDriverJars {

    private TestDriverJars() {
    }

    /**
     * Puts a counting driver jar in place.
     *
     * @param jar     where it goes
     * @param name    the driver's name, as cameras name it
     * @param version its version, which its frames carry
     * @return the jar
     */
    static Path counting(Path jar, String name, int version) throws IOException {
        Path part = jar.resolveSibling(jar.getFileName() + ".part");
        try (OutputStream file = Files.newOutputStream(part); JarOutputStream out = new JarOutputStream(file)) {
            text(out, "META-INF/services/" + CameraProvider.class.getName(), CountingProvider.class.getName());
            text(out, "driver-name.txt", name);
            text(out, "driver-version.txt", String.valueOf(version));
            for (Class<?> type : classesOf(CountingProvider.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        // Whatever the umask, as an installation has it: a group-writable jar would be refused.
        Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-r--r--"));
        return Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A class and those nested in it, anonymous ones included (Outer$1, Outer$2, ... until one is missing). */
    private static List<Class<?>> classesOf(Class<?> outer) {
        List<Class<?>> classes = new ArrayList<>(List.of(outer));
        classes.addAll(List.of(outer.getDeclaredClasses()));
        for (int i = 1; ; i++) {
            try {
                classes.add(Class.forName(outer.getName() + "$" + i, false, outer.getClassLoader()));
            } catch (ClassNotFoundException e) {
                return classes;
            }
        }
    }

    private static void text(JarOutputStream out, String entry, String content) throws IOException {
        out.putNextEntry(new JarEntry(entry));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
