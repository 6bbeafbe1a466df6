package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Debian package on this machine, as root: installed with dpkg, its server run on the packaged configuration as
 * the service would run it, upgraded over an edited configuration and told to read it again by the unit's
 * {@code ExecReload=} ({@code systemctl reload}), removed and purged.
 * <p>
 * The package depends on a Java 21+ runtime package. Debian 12 has none (its archive stops at OpenJDK 17), and the
 * JDK 25 of this machine is unpacked in /usr/lib/jvm outside dpkg. A stand-in package that provides
 * {@code java21-runtime-headless}, as Temurin's packages do, declares that JDK to dpkg, so that {@code dpkg -i}
 * checks the package's real {@code Depends} field; the launcher must then find the JDK in /usr/lib/jvm by itself.
 * <p>
 * systemd does not run here (nor in CI): the maintainer scripts must cope, and the server is started from the
 * installed unit's {@code User=}, {@code Environment=} and {@code ExecStart=}, as systemd would start it. On a machine
 * where systemd runs, installing also starts camstream.service, as it does for users.
 */
class DebPackageIT {

    private static final String PACKAGE = "camstream";
    private static final String USER = "camstream";
    private static final String STAND_IN = "camstream-test-java-runtime";
    private static final Path UNIT = Path.of("/lib/systemd/system/camstream.service");
    private static final Path CONFIG = Path.of("/etc/camstream/application.yaml");
    private static final Path CACHE = Path.of("/var/cache/camstream");
    private static final Path STATE = Path.of("/var/lib/camstream");
    private static final List<Path> PACKAGE_PLACES = List.of(Path.of("/usr/share/camstream"), Path.of("/etc/camstream"),
            CACHE, STATE, Path.of("/usr/bin/camstream"), UNIT);
    /** Where deb-systemd-helper enables and masks the unit, without systemd as with it. */
    private static final List<Path> SYSTEMD_STATE = Stream.of("/etc/systemd/system/multi-user.target.wants",
                    "/etc/systemd/system", "/var/lib/systemd/deb-systemd-helper-enabled",
                    "/var/lib/systemd/deb-systemd-helper-enabled/multi-user.target.wants",
                    "/var/lib/systemd/deb-systemd-helper-masked")
            .flatMap(dir -> Stream.of(Path.of(dir, "camstream.service"), Path.of(dir, "camstream.service.dsh-also")))
            .toList();

    /** Runs other than the one that checks the startup cache skip its recording, seconds of a start and a stop. */
    private static final Map<String, String> WITHOUT_STARTUP_CACHE = Map.of("JAVA_OPTS", "-Xshare:off");

    @TempDir
    Path dir;

    @Test
    void installsRunsUpgradesKeepingTheEditedConfigurationAndPurgesLeavingNothing() throws Exception {
        requireRootAndDpkg();
        Path deb = builtPackage();
        try (DebianHost host = DebianHost.acquire()) {
            Tools.require(DebianHost.packageStatus(PACKAGE).isEmpty()
                    && PACKAGE_PLACES.stream().noneMatch(place -> Files.exists(place, LinkOption.NOFOLLOW_LINKS)),
                    "camstream is installed on this machine (dpkg -l camstream, or files in " + PACKAGE_PLACES
                    + "): this test would replace and purge it; remove it first");
            host.willInstall(List.of(STAND_IN, PACKAGE), USER,
                    Stream.concat(PACKAGE_PLACES.stream(), SYSTEMD_STATE.stream()).toList());
            // one dpkg run for both: each run reads dpkg's whole database first, seconds on a busy machine
            DebianHost.dpkg("-i", javaRuntimeStandIn().toString(), deb.toString())
                    .requireSuccess("dpkg -i " + STAND_IN + " " + deb.getFileName());
            installedAsTheServiceUser();
            ownDriversDirectoryIsSearchedToo();
            servesTheSimCameraOfThePackagedConfiguration();

            Files.writeString(CONFIG, Files.readString(CONFIG)
                    .replace("- name: default", "- name: porch\n      width: 320\n      height: 240"));
            Path upgrade = newerBuildOf(deb);
            DebianHost.dpkg("-i", upgrade.toString()).requireSuccess("dpkg -i " + upgrade.getFileName());
            upgradedKeepingTheEditedConfiguration(deb);

            DebianHost.dpkg("--remove", PACKAGE).requireSuccess("dpkg --remove");
            assertThat(Path.of("/usr/share/camstream")).doesNotExist();
            assertThat(CONFIG).as("a removed package's configuration stays until purge").exists();

            DebianHost.dpkg("--purge", PACKAGE).requireSuccess("dpkg --purge");
            purgedLeavingNothingButTheUser();
        }
    }

    @Test
    void lintianReportsNoErrors() throws Exception {
        Tools.require("lintian");
        DebianHost.Result lintian = DebianHost.run("lintian", builtPackage().toString());
        assertThat(lintian.output().lines().filter(line -> line.startsWith("E: ")).toList())
                .as(lintian.output()).isEmpty();
    }

    private static void requireRootAndDpkg() throws IOException {
        boolean root = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        Tools.require(root, "DebPackageIT installs a package system-wide: it runs as root only (CI runs as root)");
        Tools.require("dpkg");
        Tools.require("setpriv");
    }

    private static Path builtPackage() throws IOException {
        Path target = Path.of(System.getProperty("camstream.packages", "target"));
        try (Stream<Path> files = Files.list(target)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().matches("camstream_.*_all\\.deb")).toList();
            assertThat(debs).as("the package built by 'package' in %s (several: run 'mvnw clean')", target)
                    .hasSize(1);
            return debs.getFirst();
        }
    }

    private Path javaRuntimeStandIn() throws Exception {
        Path root = Files.createDirectories(dir.resolve("stand-in/DEBIAN"));
        Files.writeString(root.resolve("control"), """
                Package: %s
                Version: 1
                Architecture: all
                Maintainer: camstream tests <camstream@example.org>
                Provides: java21-runtime-headless
                Description: stands for the JDK unpacked in /usr/lib/jvm, for camstream's DebPackageIT
                 Installed and purged by the test.
                """.formatted(STAND_IN));
        Path deb = dir.resolve(STAND_IN + ".deb");
        DebianHost.run("dpkg-deb", "--root-owner-group", "--build", root.getParent().toString(), deb.toString())
                .requireSuccess("dpkg-deb --build");
        return deb;
    }

    private static void installedAsTheServiceUser() throws Exception {
        assertThat(DebianHost.packageStatus(PACKAGE)).isEqualTo("installed");
        assertThat(Path.of("/usr/bin/camstream").toRealPath()).isEqualTo(Path.of("/usr/share/camstream/bin/camstream"));
        assertThat(DebianHost.run("id", "-nG", USER).output().split("\\s+")).contains("camstream", "video");
        for (Path place : List.of(CACHE, STATE)) {
            assertThat(Files.getOwner(place).getName()).as("owner of %s", place).isEqualTo(USER);
        }
        assertThat(Files.getAttribute(CONFIG, "unix:group", LinkOption.NOFOLLOW_LINKS).toString())
                .isEqualTo(USER);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(CONFIG))).isEqualTo("rw-r-----");
        assertThat(Path.of("/etc/systemd/system/multi-user.target.wants/camstream.service"))
                .as("enabled for the next boot").isSymbolicLink();
    }

    /** A second copy of the sim driver in /etc/camstream/drivers: the start-up stops, naming both jars. */
    private void ownDriversDirectoryIsSearchedToo() throws Exception {
        Path shipped;
        try (Stream<Path> jars = Files.list(Path.of("/usr/share/camstream/drivers"))) {
            shipped = jars.filter(f -> f.getFileName().toString().startsWith("camstream-driver-sim")).findFirst()
                    .orElseThrow();
        }
        Path own = Files.copy(shipped, Path.of("/etc/camstream/drivers/my-sim.jar"));
        try (Distribution.Launched server = startAsTheService(WITHOUT_STARTUP_CACHE)) {
            assertThat(server.awaitExit()).isEqualTo(2);
            assertThat(server.output()).contains("Two camera drivers are named 'sim': " + shipped + " and " + own);
        } finally {
            Files.delete(own);
        }
    }

    private static void servesTheSimCameraOfThePackagedConfiguration() throws Exception {
        try (Distribution.Launched server = startAsTheService(Map.of())) {
            int port = server.awaitPort();
            long pid = server.process.pid();
            assertThat(statusLine(pid, "Uid:").split("\\s+")[0])
                    .isEqualTo(DebianHost.run("id", "-u", USER).output().trim());
            Path java = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"));
            assertThat(java).as("the launcher's Java, found by itself").startsWith(Path.of("/usr/lib/jvm"));
            assertThat(javaFeatureVersion(java)).isGreaterThanOrEqualTo(21);

            BufferedImage frame = frame(URI.create("http://127.0.0.1:" + port + "/video_feed"));
            assertThat(frame.getWidth()).isEqualTo(640);
            assertThat(frame.getHeight()).isEqualTo(480);

            server.terminate();
            assertThat(server.awaitExit()).as(server.output()).isZero();
        }
        try (Stream<Path> cache = Files.list(CACHE)) {
            assertThat(cache.toList()).as("the startup cache, recorded by a run that started well").isNotEmpty();
        }
    }

    /** The package as a later build would make it: a higher version, its jars newer. */
    private Path newerBuildOf(Path deb) throws Exception {
        Path tree = dir.resolve("upgrade");
        DebianHost.run("dpkg-deb", "--raw-extract", deb.toString(), tree.toString()).requireSuccess("dpkg-deb -R");
        Path control = tree.resolve("DEBIAN/control");
        String version = version(deb);
        Files.writeString(control, Files.readString(control)
                .replace("Version: " + version, "Version: " + version + "+1"));
        FileTime now = FileTime.from(Instant.now());
        try (Stream<Path> jars = Files.list(tree.resolve("usr/share/camstream/lib"))) {
            for (Path jar : jars.toList()) {
                Files.setLastModifiedTime(jar, now);
            }
        }
        Path upgrade = dir.resolve("camstream_" + version + "+1_all.deb");
        DebianHost.run("dpkg-deb", "-Zgzip", "-z1", "--root-owner-group", "--build", tree.toString(),
                upgrade.toString()).requireSuccess("dpkg-deb --build");
        return upgrade;
    }

    private static void upgradedKeepingTheEditedConfiguration(Path deb) throws Exception {
        assertThat(DebianHost.run("dpkg-query", "--show", "--showformat=${Version}", PACKAGE).output())
                .isEqualTo(version(deb) + "+1");
        assertThat(Files.readString(CONFIG)).contains("- name: porch");
        try (Stream<Path> files = Files.list(CONFIG.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).noneMatch(name -> name.contains(".dpkg-"));
        }
        try (Distribution.Launched server = startAsTheService(WITHOUT_STARTUP_CACHE)) {
            int port = server.awaitPort();
            BufferedImage frame = frame(URI.create("http://127.0.0.1:" + port + "/cameras/porch/stream"));
            assertThat(frame.getWidth()).isEqualTo(320);
            assertThat(frame.getHeight()).isEqualTo(240);
            reloadedAsSystemctlReloadDoes(server, port);
        }
    }

    /**
     * The unit's {@code ExecReload=} run on the installed server, after an edit it does not watch for: the service
     * user reads the configuration again at once and a camera added there is served.
     */
    private static void reloadedAsSystemctlReloadDoes(Distribution.Launched server, int port) throws Exception {
        String edited = Files.readString(CONFIG);
        Files.writeString(CONFIG, edited.replace("camstream:\n", "camstream:\n  watch-config: false\n")
                + "    - name: yard\n      driver: sim\n      width: 160\n      height: 120\n");
        List<String> reload = ServiceUnit.read(UNIT).execReload().stream()
                .map(word -> word.replace("$MAINPID", Long.toString(server.process.pid()))).toList();
        DebianHost.run(reload.toArray(String[]::new)).requireSuccess(String.join(" ", reload));
        Endpoint camstream = new Endpoint(port);
        Await.until("yard served after SIGHUP", Duration.ofSeconds(5),
                () -> camstream.status("/api/cameras/yard") == 200);
        assertThat(server.output()).contains("SIGHUP: reading " + CONFIG + " again");
        BufferedImage yard = frame(URI.create("http://127.0.0.1:" + port + "/cameras/yard/stream"));
        assertThat(yard.getWidth()).isEqualTo(160);
        assertThat(server.process.isAlive()).isTrue();
    }

    private static void purgedLeavingNothingButTheUser() throws Exception {
        assertThat(DebianHost.packageStatus(PACKAGE)).isEmpty();
        for (Path place : PACKAGE_PLACES) {
            assertThat(Files.exists(place, LinkOption.NOFOLLOW_LINKS)).as("%s after purge", place).isFalse();
        }
        for (Path state : SYSTEMD_STATE) {
            assertThat(Files.exists(state, LinkOption.NOFOLLOW_LINKS)).as("%s after purge", state).isFalse();
        }
        assertThat(DebianHost.run("dpkg-statoverride", "--list", "/etc/camstream/*").output()).isEmpty();
        assertThat(DebianHost.userExists(USER)).as("the system user is kept, as Debian keeps them").isTrue();
    }

    /**
     * Starts the installed server as systemd would start the installed unit, on a free port of 127.0.0.1, with more
     * environment variables.
     */
    private static Distribution.Launched startAsTheService(Map<String, String> extraEnvironment) throws Exception {
        ServiceUnit unit = ServiceUnit.read(UNIT);
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + unit.user(),
                "--regid=" + unit.group(), "--init-groups", "--"));
        command.addAll(unit.execStart());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(Path.of("/").toFile());
        var environment = builder.environment();
        environment.clear();
        environment.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        environment.put("HOME", DebianHost.run("getent", "passwd", unit.user()).output().split(":")[5]);
        environment.put("USER", unit.user());
        environment.put("LOGNAME", unit.user());
        environment.putAll(unit.environment());
        environment.put("SERVER_PORT", "0");
        environment.put("SERVER_HOST", "127.0.0.1");
        environment.putAll(extraEnvironment);
        return new Distribution.Launched(builder.start());
    }

    private static BufferedImage frame(URI stream) throws Exception {
        try (InputStream body = Http.stream(stream).body()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                    new MjpegReader(body, MjpegFormat.BOUNDARY).next().body()));
            assertThat(image).as("a whole JPEG from %s", stream).isNotNull();
            return image;
        }
    }

    private static String version(Path deb) throws Exception {
        return DebianHost.run("dpkg-deb", "--field", deb.toString(), "Version").output().trim();
    }

    private static String statusLine(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith(field))
                .map(line -> line.substring(field.length()).trim())
                .findFirst()
                .orElseThrow();
    }

    private static int javaFeatureVersion(Path java) throws IOException {
        Path release = java.getParent().getParent().resolve("release");
        String line = Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION=")).findFirst()
                .orElseThrow();
        return Integer.parseInt(line.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1"));
    }
}
