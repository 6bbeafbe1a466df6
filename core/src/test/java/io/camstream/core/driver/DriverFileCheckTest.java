package io.camstream.core.driver;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import testdrivers.DriverJars;
import org.junit.jupiter.api.io.TempDir;
import testdrivers.JarTestProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

import static org.assertj.core.api.Assertions.assertThat;

class DriverFileCheckTest {

    private static final DriverFileCheck CHECK = DriverFileCheck.forThisUser();

    @TempDir
    Path home;

    private Path drivers;
    private Path jar;

    @BeforeEach
    void installation() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        drivers = Files.createDirectory(home.resolve("drivers"));
        Files.setPosixFilePermissions(drivers, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = DriverJars.jar(drivers.resolve("camstream-driver-test.jar"), JarTestProvider.class.getName(),
                JarTestProvider.class);
    }

    @Test
    void driverCodeOnlyItsOwnerCanChangePasses() {
        assertThat(CHECK.directoryProblem(drivers)).isEmpty();
        assertThat(CHECK.jarProblem(jar)).isEmpty();
    }

    @Test
    void aJarOthersCanWriteIsRefusedWithTheCommandThatFixesIt() throws Exception {
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-r--"));

        assertThat(CHECK.jarProblem(jar)).hasValue(jar + " can be written by others than its owner (rw-rw-r--). "
                + "Driver code must be changeable by its owner alone: chmod go-w " + jar);
    }

    @Test
    void aDriversDirectoryAnyoneCanWriteIsRefusedEvenWhenSticky() throws Exception {
        Files.setPosixFilePermissions(drivers, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(CHECK.directoryProblem(drivers)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith(drivers + " can be written by others than its owner (rwxrwxrwx)."));

        Files.setAttribute(drivers, "unix:mode", 01777);
        assertThat(CHECK.directoryProblem(drivers)).isPresent();
    }

    @Test
    void aDirectoryAboveThatOthersCanWriteIsRefusedUnlessSticky() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThat(CHECK.directoryProblem(drivers)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith(home + " can be written by others than its owner (rwxrwxr-x)."));

        Files.setAttribute(home, "unix:mode", 01777);
        assertThat(CHECK.directoryProblem(drivers)).isEmpty();
    }

    @Test
    void aLinkIsJudgedByTheFileItPointsToAndEveryDirectoryAboveThat() throws Exception {
        Path elsewhere = Files.createDirectory(home.resolve("elsewhere"));
        Path target = Files.move(jar, elsewhere.resolve("driver.jar"));
        Path link = Files.createSymbolicLink(jar, target);
        assertThat(CHECK.jarProblem(link)).isEmpty();

        Path realDir = elsewhere.toRealPath();
        Path realTarget = target.toRealPath();
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(CHECK.jarProblem(link)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith(realDir + " can be written by others"));

        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(CHECK.jarProblem(link)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith(realTarget + " can be written by others"));
    }

    @Test
    void aJarOfAnotherUserIsRefused() throws Exception {
        DriverFileCheck check;
        String owner;
        if (System.getProperty("user.name").equals("root")) {
            // root may give the jar away; anyone else checks as a user who does not own it
            UserPrincipal nobody = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(jar, nobody);
            check = CHECK;
            owner = "nobody";
        } else {
            check = new DriverFileCheck("camstream");
            owner = System.getProperty("user.name");
        }

        assertThat(check.jarProblem(jar)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith(jar + " belongs to " + owner + ", who is neither root nor "));
    }
}
