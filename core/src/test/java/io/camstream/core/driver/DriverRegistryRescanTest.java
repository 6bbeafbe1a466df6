package io.camstream.core.driver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testdrivers.DriverJars;
import testdrivers.JarTestProvider;

import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Jars copied into, replaced in and removed from a drivers directory while the server runs. */
class DriverRegistryRescanTest {

    private static final Duration SETTLE = Duration.ofSeconds(1);

    @TempDir
    Path drivers;
    @TempDir
    Path work;

    private final AtomicLong nanos = new AtomicLong();
    private DriverRegistry registry;

    @AfterEach
    void tearDown() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aJarCopiedInIsLoadedOnceItHasSettled() throws Exception {
        registry = discover();
        jar(drivers.resolve("test.jar"));
        try (DriverChanges changes = registry.rescan()) {
            assertThat(changes.isEmpty()).as("just seen").isTrue();
            assertThat(registry.settling()).isTrue();
        }
        later(SETTLE.minusMillis(1));
        try (DriverChanges changes = registry.rescan()) {
            assertThat(changes.isEmpty()).isTrue();
        }
        later(Duration.ofMillis(1));
        try (DriverChanges changes = registry.rescan()) {
            assertThat(changes.names()).containsExactly("jar-test");
            assertThat(changes.removal("jar-test")).isEmpty();
        }
        assertThat(registry.find("jar-test")).isPresent();
        assertThat(registry.settling()).isFalse();
    }

    @Test
    void aJarStillBeingWrittenIsNotLoadedUntilItStopsChanging() throws Exception {
        registry = discover();
        Path whole = jar(work.resolve("whole.jar"));
        byte[] bytes = Files.readAllBytes(whole);
        Path growing = Files.createFile(drivers.resolve("test.jar"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try (OutputStream out = Files.newOutputStream(growing)) {
            for (int written = 0; written < bytes.length; written += 100) {
                out.write(bytes, written, Math.min(100, bytes.length - written));
                out.flush();
                later(SETTLE.dividedBy(2));
                try (DriverChanges changes = registry.rescan()) {
                    assertThat(changes.isEmpty()).as("after %d bytes", written).isTrue();
                }
                assertThat(registry.refusedJars()).isEmpty();
            }
        }
        later(SETTLE);
        try (DriverChanges changes = registry.rescan()) {
            assertThat(changes.names()).containsExactly("jar-test");
        }
    }

    @Test
    void aTruncatedJarThatSettlesIsReportedOnceAndChangesNothing() throws Exception {
        Path jar = jar(drivers.resolve("test.jar"));
        registry = discover();
        InstalledDriver before = registry.find("jar-test").orElseThrow();
        byte[] bytes = Files.readAllBytes(jar);
        Files.write(work.resolve("half.jar"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.setPosixFilePermissions(work.resolve("half.jar"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(work.resolve("half.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
        settleAndRescan();
        assertThat(registry.refusedJars()).containsOnlyKeys(jar);
        assertThat(registry.refusedJars().get(jar)).contains("is not a jar file, or not a complete one");
        assertThat(registry.find("jar-test")).containsSame(before);
        try (DriverChanges changes = registry.rescan()) {
            assertThat(changes.isEmpty()).isTrue();
        }
        assertThat(registry.find("jar-test").orElseThrow().provider().configKey()).as("still usable")
                .isEqualTo("jar-test");
    }

    @Test
    void aReplacedJarIsLoadedAnewAndTheOldClassLoaderIsClosedWithTheChanges() throws Exception {
        Path jar = DriverJars.versioned(drivers.resolve("versioned.jar"), 1);
        registry = discover();
        InstalledDriver first = registry.find("versioned").orElseThrow();
        WeakReference<ClassLoader> firstLoader = new WeakReference<>(first.provider().getClass().getClassLoader());
        DriverJars.versioned(jar, 2);
        DriverChanges changes = settleAndRescan();
        assertThat(changes.names()).containsExactly("versioned");
        assertThat(changes.removal("versioned")).isEmpty();
        InstalledDriver second = registry.find("versioned").orElseThrow();
        assertThat(second.provider()).isNotSameAs(first.provider());
        assertThat(second.provider().create(null, "x").details()).containsEntry("version", "2");
        assertThat(first.provider().create(null, "x").details()).as("the old code until released")
                .containsEntry("version", "1");
        changes.close();
        first = null;
        assertThat(Collected.eventually(firstLoader)).as("the old class loader is collected").isTrue();
    }

    @Test
    void aJarOverwrittenInPlaceDoesNotBreakTheClassesLoadedFromIt() throws Exception {
        Path jar = DriverJars.versioned(drivers.resolve("versioned.jar"), 1);
        registry = discover();
        InstalledDriver driver = registry.find("versioned").orElseThrow();
        Files.write(jar, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThat(driver.provider().create(null, "x").details()).as("read from its private copy")
                .containsEntry("version", "1");
    }

    @Test
    void aRemovedJarUnloadsItsDriversAndSaysWhy() throws Exception {
        Path jar = jar(drivers.resolve("test.jar"));
        registry = discover();
        Files.delete(jar);
        try (DriverChanges changes = settleAndRescan()) {
            assertThat(changes.names()).containsExactly("jar-test");
            assertThat(changes.removal("jar-test")).contains("driver jar-test was removed: " + jar + " is gone");
        }
        assertThat(registry.find("jar-test")).isEmpty();
    }

    @Test
    void aJarRenamedIsNotAClashWithItself() throws Exception {
        Path jar = jar(drivers.resolve("test.jar"));
        registry = discover();
        Files.move(jar, drivers.resolve("renamed.jar"));
        try (DriverChanges changes = settleAndRescan()) {
            assertThat(changes.names()).containsExactly("jar-test");
            assertThat(changes.removal("jar-test")).isEmpty();
        }
        assertThat(registry.find("jar-test").orElseThrow().source()).endsWith("renamed.jar");
        assertThat(registry.refusedJars()).isEmpty();
    }

    @Test
    void aSecondJarWithADriversNameIsRefusedAndTheFirstStays() throws Exception {
        Path first = jar(drivers.resolve("a.jar"));
        registry = discover();
        Path second = jar(drivers.resolve("b.jar"));
        try (DriverChanges changes = settleAndRescan()) {
            assertThat(changes.isEmpty()).isTrue();
        }
        assertThat(registry.find("jar-test").orElseThrow().source()).isEqualTo(first.toString());
        assertThat(registry.refusedJars()).containsOnlyKeys(second);
        assertThat(registry.refusedJars().get(second)).contains("Two camera drivers are named 'jar-test'");
    }

    @Test
    void aJarOthersCouldChangeIsRefusedUntilItsPermissionsArePutRight() throws Exception {
        registry = discover();
        Path loose = jar(drivers.resolve("test.jar"));
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-rw-r--"));
        try (DriverChanges changes = settleAndRescan()) {
            assertThat(changes.isEmpty()).isTrue();
        }
        assertThat(registry.refusedJars().get(loose)).startsWith("Refusing driver jar " + loose).contains("chmod");
        assertThat(registry.find("jar-test")).isEmpty();

        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-r--r--"));
        try (DriverChanges changes = settleAndRescan()) {
            assertThat(changes.names()).as("the same jar, its permissions put right").containsExactly("jar-test");
        }
        assertThat(registry.refusedJars()).isEmpty();
        assertThat(registry.find("jar-test")).isPresent();
    }

    private DriverChanges settleAndRescan() {
        registry.rescan().close();
        later(SETTLE);
        return registry.rescan();
    }

    private void later(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    private DriverRegistry discover() {
        return DriverRegistry.discover(getClass().getClassLoader(), List.of(drivers), SETTLE, nanos::get);
    }

    private static Path jar(Path file) throws Exception {
        return DriverJars.jar(file, JarTestProvider.class.getName() + "\n", JarTestProvider.class);
    }
}
