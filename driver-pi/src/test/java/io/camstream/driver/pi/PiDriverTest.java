package io.camstream.driver.pi;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;
import io.camstream.spi.Camera;
import io.camstream.spi.JpegSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.camstream.driver.pi.Feeds.await;
import static io.camstream.driver.pi.Feeds.nextLive;
import static io.camstream.driver.pi.Feeds.nextNoSignal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The pi driver run by the fan-out as the server runs it, with the fake rpicam-vid. */
class PiDriverTest {

    @TempDir
    Path dir;
    private FakeRpicamVid rpicam;
    private final Feeds feeds = new Feeds();
    private final PiCameraProvider driver = new PiCameraProvider();

    @BeforeEach
    void installFake() throws IOException {
        rpicam = FakeRpicamVid.install(dir);
    }

    @AfterEach
    void closeFeeds() {
        feeds.close();
    }

    @Test
    void framesFlowFromRpicamVid() throws Exception {
        CameraFeed feed = feeds.feed(driver, camera(""));
        try (Viewer viewer = feed.attach()) {
            StreamFrame first = nextLive(viewer);
            StreamFrame second = nextLive(viewer);

            assertThat(rpicam.frames()).anySatisfy(jpeg -> assertThat(first.frame().jpeg()).isEqualTo(jpeg));
            assertThat(first.frame().width()).isEqualTo(FakeRpicamVid.WIDTH);
            assertThat(first.frame().height()).isEqualTo(FakeRpicamVid.HEIGHT);
            assertThat(second.frame().sequence()).isGreaterThan(first.frame().sequence());
        }
        assertThat(rpicam.runs()).hasSize(1);
    }

    @Test
    void rpicamVidGetsTheArgumentsOfTheConfig() throws Exception {
        CameraFeed feed = feeds.feed(driver, camera("""
                      quality: 65
                      rotate: 180
                      flip: horizontal
                      camera: 1
                      extra-args: ["--awb", "indoor", "--denoise", "cdn_off"]
                """));
        try (Viewer viewer = feed.attach()) {
            nextLive(viewer);
        }

        assertThat(rpicam.args(rpicam.runs().getFirst())).containsExactly(
                "-t", "0", "-n", "--codec", "mjpeg", "--width", "320", "--height", "240", "--framerate", "20",
                "-q", "65", "--flush", "--vflip", "--camera", "1",
                "--awb", "indoor", "--denoise", "cdn_off", "-o", "-");
    }

    @Test
    void aDeadRpicamVidIsRestartedWithNoSignalMeanwhile() throws Exception {
        FailedRun failed = failOnceThenRecover("die-after 5", "");

        assertThat(FakeRpicamVid.gone(failed.pid())).isTrue();
        assertThat(rpicam.runs()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aHungRpicamVidIsKilledAndRestartedWithNoSignalMeanwhile() throws Exception {
        FailedRun hung = failOnceThenRecover("hang-after 3", "      frame-timeout: 500ms\n");

        await("the hung rpicam-vid, which ignores SIGINT, to be killed", () -> FakeRpicamVid.gone(hung.pid()));
        await("its children to be killed", () -> hung.children().stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void garbageBetweenFramesNeverReachesViewers() throws Exception {
        rpicam.mode("garbage");
        CameraFeed feed = feeds.feed(driver, camera(""));
        try (Viewer viewer = feed.attach()) {
            for (int i = 0; i < 10; i++) {
                byte[] jpeg = nextLive(viewer).frame().jpeg();
                assertThat(rpicam.frames()).anySatisfy(frame -> assertThat(jpeg).isEqualTo(frame));
            }
        }
    }

    @Test
    void heavyStderrDoesNotStallCapture() throws Exception {
        rpicam.mode("stderr-flood");
        CameraFeed feed = feeds.feed(driver, camera(""));
        try (Viewer viewer = feed.attach()) {
            for (int i = 0; i < 40; i++) { // 40 frames, 2.5 MiB of stderr: far more than a pipe holds
                nextLive(viewer);
            }
        }
        assertThat(rpicam.runs()).hasSize(1);
    }

    @Test
    void rpicamVidIsGoneAfterAnIdleStop() throws Exception {
        CameraFeed feed = feeds.feed(driver, camera("      idle-timeout: 200ms\n"));
        try (Viewer viewer = feed.attach()) {
            nextLive(viewer);
        }
        long pid = rpicam.runs().getFirst();

        await("capture to stop", () -> !feed.capturing());
        await("rpicam-vid to end", () -> FakeRpicamVid.gone(pid));
    }

    @Test
    void rpicamVidIsGoneAfterTheFeedCloses() throws Exception {
        CameraFeed feed = feeds.feed(driver, camera(""));
        try (Viewer viewer = feed.attach()) {
            nextLive(viewer);
            long pid = rpicam.runs().getFirst();

            feed.close();

            assertThat(FakeRpicamVid.gone(pid)).isTrue();
        }
    }

    @Test
    void aMissingRpicamVidSaysWhatToInstall() {
        assumeTrue(onPath("rpicam-vid").isEmpty(), "rpicam-vid is installed here");
        String yaml = """
                camstream:
                  cameras:
                    - name: pi
                      driver: pi
                """;

        assertThatThrownBy(() -> driver.create(Feeds.cameras(yaml).getFirst(), "pi"))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageStartingWith("rpicam-vid was not found: looked for 'rpicam-vid' in ")
                .hasMessageEndingWith("Install it with 'sudo apt install rpicam-apps' (Raspberry Pi OS), "
                        + "or set camstream.cameras.0.command to its path.");
    }

    @Test
    void noSignalBeforeAnyFrameHasTheSizeTheCameraWouldDeliver() throws Exception {
        CameraFeed feed = feeds.feed(driver, """
                camstream:
                  cameras:
                    - name: pi
                      driver: pi
                      command: /nonexistent/rpicam-vid
                """);
        try (Viewer viewer = feed.attach()) {
            StreamFrame noSignal = nextNoSignal(viewer);
            assertThat(JpegSize.read(noSignal.frame().jpeg())).isEqualTo(new JpegSize(1280, 720));
        }
    }

    @Test
    void detailsNameTheBoardAndTheCommand() throws Exception {
        try (Camera camera = driver.create(Feeds.cameras(camera("")).getFirst(), "pi")) {
            assertThat(camera.details()).containsKeys("board", "os", "command", "pid")
                    .doesNotContainKey("status LED");
            assertThat(camera.details().get("command")).startsWith(rpicam.program() + " -t 0 -n --codec mjpeg");
        }
    }

    /** The first rpicam-vid, which failed, and the processes it had started. */
    private record FailedRun(long pid, List<ProcessHandle> children) {
    }

    /** Live frames, then NO SIGNAL once the first run misbehaves, then live frames from a well-behaved run. */
    private FailedRun failOnceThenRecover(String mode, String config) throws Exception {
        rpicam.mode(mode);
        CameraFeed feed = feeds.feed(driver, camera(config));
        try (Viewer viewer = feed.attach()) {
            nextLive(viewer);
            nextNoSignal(viewer);
            long first = rpicam.runs().getFirst();
            List<ProcessHandle> children = ProcessHandle.of(first).map(p -> p.descendants().toList()).orElse(List.of());
            rpicam.mode("normal");

            nextLive(viewer);
            return new FailedRun(first, children);
        }
    }

    private String camera(String extra) {
        return """
                camstream:
                  cameras:
                    - name: pi
                      driver: pi
                      command: %s
                      width: 320
                      height: 240
                      fps: 20
                %s""".formatted(rpicam.program(), extra);
    }

    private static List<Path> onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, program))
                .filter(Files::isExecutable)
                .toList();
    }
}
