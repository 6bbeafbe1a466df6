package io.camstream.core.driver;

import io.camstream.core.StartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testdrivers.DriverJars;
import testdrivers.JarTestProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriverRegistryTest {

    @TempDir
    Path drivers;

    @Test
    void findsDriversOnTheClassPath() {
        try (DriverRegistry registry = discover(drivers.resolve("missing"))) {
            assertThat(registry.find("fake")).isPresent();
            assertThat(registry.find("fake").get().source()).startsWith("class path");
            assertThat(registry.find("jar-test")).isEmpty();
        }
    }

    @Test
    void driverJarIsLoadedInItsOwnClassLoader() throws Exception {
        Path jar = DriverJars.jar(drivers.resolve("camstream-driver-test.jar"),
                JarTestProvider.class.getName() + "\n", JarTestProvider.class);
        try (DriverRegistry registry = discover(drivers)) {
            InstalledDriver driver = registry.find("jar-test").orElseThrow();
            assertThat(driver.source()).isEqualTo(jar.toString());
            assertThat(driver.provider().getClass().getClassLoader()).isInstanceOf(DriverClassLoader.class);
            assertThat(driver.provider().getClass()).isNotSameAs(JarTestProvider.class);
            assertThat(registry.drivers()).extracting(InstalledDriver::name).containsExactly("fake", "jar-test", "ticking");
        }
    }

    @Test
    void brokenJarIsSkippedAndTheOthersStillLoad() throws Exception {
        Files.writeString(drivers.resolve("a-broken.jar"), "this is not a zip file");
        DriverJars.jar(drivers.resolve("b-missing-class.jar"), "testdrivers.NoSuchProvider\n");
        DriverJars.jar(drivers.resolve("c-good.jar"), "testdrivers.NoSuchProvider\n"
                + JarTestProvider.class.getName() + "\n", JarTestProvider.class);
        try (DriverRegistry registry = discover(drivers)) {
            assertThat(registry.find("jar-test")).isPresent();
            assertThat(registry.find("jar-test").get().source()).endsWith("c-good.jar");
        }
    }

    @Test
    void twoDriversWithOneNameAreAnErrorNamingBothJars() throws Exception {
        Path first = DriverJars.jar(drivers.resolve("one.jar"), JarTestProvider.class.getName(), JarTestProvider.class);
        Path second = DriverJars.jar(drivers.resolve("two.jar"), JarTestProvider.class.getName(), JarTestProvider.class);
        assertThatThrownBy(() -> discover(drivers))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("'jar-test'")
                .hasMessageContaining(first.toString())
                .hasMessageContaining(second.toString());
    }

    @Test
    void driverJarDoesNotRegisterTheServersDriversAgain() throws Exception {
        DriverJars.jar(drivers.resolve("only-jar-test.jar"), JarTestProvider.class.getName(), JarTestProvider.class);
        try (DriverRegistry registry = discover(drivers)) {
            assertThat(registry.find("fake").orElseThrow().source()).startsWith("class path");
        }
    }

    @Test
    void jarsOthersCouldHaveChangedAreNotLoaded() throws Exception {
        Path loose = DriverJars.jar(drivers.resolve("loose.jar"), JarTestProvider.class.getName(),
                JarTestProvider.class);
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (DriverRegistry registry = discover(drivers)) {
            assertThat(registry.find("jar-test")).isEmpty();
        }

        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(drivers, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (DriverRegistry registry = discover(drivers)) {
            assertThat(registry.find("jar-test")).isEmpty();
        }

        Files.setPosixFilePermissions(drivers, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (DriverRegistry registry = discover(drivers)) {
            assertThat(registry.find("jar-test")).isPresent();
        }
    }

    @Test
    void jarsOfALaterDriversDirectoryAreLoadedAfterAnEmptyAndAMissingOne() throws Exception {
        Path shipped = Files.createDirectory(drivers.resolve("shipped"));
        Path own = Files.createDirectory(drivers.resolve("own"));
        Path jar = DriverJars.jar(own.resolve("camstream-driver-test.jar"), JarTestProvider.class.getName() + "\n",
                JarTestProvider.class);
        try (DriverRegistry registry = discover(shipped, drivers.resolve("missing"), own)) {
            assertThat(registry.find("jar-test").orElseThrow().source()).isEqualTo(jar.toString());
            assertThat(registry.driversDirs()).containsExactly(shipped, drivers.resolve("missing"), own);
        }
    }

    @Test
    void oneDriverNameInTwoDirectoriesIsAnErrorNamingBothJars() throws Exception {
        Path shipped = Files.createDirectory(drivers.resolve("shipped"));
        Path own = Files.createDirectory(drivers.resolve("own"));
        Path first = DriverJars.jar(shipped.resolve("camstream-driver-test.jar"), JarTestProvider.class.getName(),
                JarTestProvider.class);
        Path second = DriverJars.jar(own.resolve("my-copy.jar"), JarTestProvider.class.getName(),
                JarTestProvider.class);
        assertThatThrownBy(() -> discover(shipped, own))
                .isInstanceOf(StartupException.class)
                .hasMessage("Two camera drivers are named 'jar-test': " + first + " and " + second
                        + ". Remove one of them.");
    }

    private static DriverRegistry discover(Path... dirs) {
        return DriverRegistry.discover(DriverRegistryTest.class.getClassLoader(), List.of(dirs));
    }
}
