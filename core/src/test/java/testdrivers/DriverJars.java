package testdrivers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds driver jars at test time from classes of the test class path. */
public final class DriverJars {

    private DriverJars() {
    }

    public static Path jar(Path file, String servicesFile, Class<?>... classes) throws IOException {
        return jar(file, servicesFile, Map.of(), classes);
    }

    /** A jar with text resources too, such as a version file. */
    public static Path jar(Path file, String servicesFile, Map<String, String> resources, Class<?>... classes)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("META-INF/services/io.camstream.spi.CameraProvider"));
            jar.write(servicesFile.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                jar.putNextEntry(new JarEntry(resource.getKey()));
                jar.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
            for (Class<?> type : classes) {
                String entry = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        // Whatever the umask, as an installation has it: a group-writable jar would be refused.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    /**
     * Writes a version of the {@code versioned} driver beside a jar, then moves it over the jar, as a package
     * manager would.
     */
    public static Path versioned(Path jar, int version) throws IOException {
        Path next = jar.resolveSibling(jar.getFileName() + ".part");
        jar(next, VersionedProvider.class.getName() + "\n", Map.of("version.txt", String.valueOf(version)),
                VersionedProvider.class, VersionedProvider.VersionedCamera.class);
        return Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
