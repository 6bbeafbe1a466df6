package io.camstream.driver.pi;

import io.camstream.core.driver.DriverRegistry;
import io.camstream.core.driver.InstalledDriver;
import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.camstream.driver.pi.Feeds.nextLive;
import static org.assertj.core.api.Assertions.assertThat;

/** The packaged driver jar, dropped into a drivers directory, is all a server needs. */
class DriverJarIT {

    @TempDir
    Path dir;

    @Test
    void theJarAloneInDriversCapturesFromRpicamVid() throws Exception {
        Path drivers = Files.createDirectories(dir.resolve("drivers"));
        Path jar = Path.of(System.getProperty("camstream.driver.jar"));
        Files.copy(jar, drivers.resolve(jar.getFileName()));
        FakeRpicamVid rpicam = FakeRpicamVid.install(Files.createDirectories(dir.resolve("fake")));

        // The platform loader as the server's: only the jar can supply the driver, Pi4J and slf4j.
        try (DriverRegistry registry = DriverRegistry.discover(ClassLoader.getPlatformClassLoader(), List.of(drivers));
             Feeds feeds = new Feeds()) {
            InstalledDriver pi = registry.find("pi").orElseThrow();
            ClassLoader jarLoader = pi.provider().getClass().getClassLoader();
            assertThat(pi.source()).isEqualTo(drivers.resolve(jar.getFileName()).toString());
            assertThat(jarLoader).isNotSameAs(PiCameraProvider.class.getClassLoader());
            assertThat(jarLoader.loadClass("com.pi4j.Pi4J").getClassLoader()).isSameAs(jarLoader);
            Object slf4j = jarLoader.loadClass("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
            assertThat(slf4j.getClass().getName()).as("Pi4J logs to java.util.logging")
                    .isEqualTo("org.slf4j.jul.JDK14LoggerFactory");

            CameraFeed feed = feeds.feed(pi.provider(), """
                    camstream:
                      cameras:
                        - name: pi
                          driver: pi
                          command: %s
                    """.formatted(rpicam.program()));
            try (Viewer viewer = feed.attach()) {
                StreamFrame frame = nextLive(viewer);
                assertThat(rpicam.frames()).anySatisfy(jpeg -> assertThat(frame.frame().jpeg()).isEqualTo(jpeg));
            }
        }
    }
}
