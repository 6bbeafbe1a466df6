package io.camstream.core.process;

import io.camstream.spi.Frame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessCameraTest {

    private static final String HINT = "Install it with 'sudo apt install something'.";

    @TempDir
    Path dir;
    private Path jpeg;

    @BeforeEach
    void writeJpeg() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(8, 8, 32, 24);
        g.dispose();
        jpeg = dir.resolve("frame.jpg");
        ImageIO.write(image, "jpg", jpeg.toFile());
    }

    @Test
    void framesComeFromStdout() throws Exception {
        try (ProcessCamera camera = start("while :; do cat frame.jpg; sleep 0.05; done")) {
            Frame first = camera.nextFrame();
            Frame second = camera.nextFrame();

            assertThat(first.jpeg()).isEqualTo(Files.readAllBytes(jpeg));
            assertThat(first.width()).isEqualTo(64);
            assertThat(second.sequence()).isGreaterThan(first.sequence());
            assertThat(camera.details()).containsKeys("command", "pid");
        }
    }

    @Test
    void anExitIsReportedWithItsCodeAndLastLineOfStderr() throws Exception {
        try (ProcessCamera camera = start("cat frame.jpg; echo 'starting' >&2; "
                + "echo 'ERROR: *** no cameras available ***' >&2; exit 3")) {
            assertThatThrownBy(() -> {
                while (true) {
                    camera.nextFrame();
                }
            }).isInstanceOf(IOException.class)
                    .hasMessage("bash exited with code 3: ERROR: *** no cameras available ***");
        }
    }

    @Test
    void aMissingProgramIsNamedWithWhereItWasLookedForAndHowToInstallIt() {
        assertThatThrownBy(() -> ProcessCamera.start(new ProcessSettings("cam", List.of("camstream-no-such-program"),
                HINT, 1 << 20)))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageStartingWith("camstream-no-such-program was not found: looked for "
                        + "'camstream-no-such-program' in /")
                .hasMessageEndingWith(HINT);
        assertThatThrownBy(() -> ProcessCamera.start(new ProcessSettings("cam",
                List.of(dir.resolve("nothing-here").toString()), HINT, 1 << 20)))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage(dir.resolve("nothing-here") + " was not found: there is no such file. " + HINT);
    }

    @Test
    void closeSendsSigintWakesTheReaderAndLeavesNoProcess() throws Exception {
        Path marker = dir.resolve("interrupted");
        ProcessCamera camera = start("trap 'echo yes > interrupted; exit 0' INT; sleep 60 & wait $!");
        ProcessHandle process = camera.processHandle();
        awaitTrue(() -> process.descendants().findAny().isPresent());
        List<ProcessHandle> children = process.descendants().toList();
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            try {
                camera.nextFrame();
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        Thread.sleep(100); // let the reader block in nextFrame

        long started = System.nanoTime();
        camera.close();

        assertThat(reader.get(1, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ChildProcesses.GRACE);
        assertThat(marker).hasContent("yes");
        assertThat(process.isAlive()).isFalse();
        awaitTrue(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        camera.close();
    }

    @Test
    void aProcessIgnoringSigintIsKilledWithItsChildrenAfterTheGracePeriod() throws Exception {
        ProcessCamera camera = start("trap '' INT; sleep 60 & wait $!; sleep 60");
        ProcessHandle process = camera.processHandle();
        awaitTrue(() -> process.descendants().findAny().isPresent());
        List<ProcessHandle> children = process.descendants().toList();

        long started = System.nanoTime();
        camera.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(ChildProcesses.GRACE);
        assertThat(process.isAlive()).isFalse();
        awaitTrue(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void aChildForkedAsTheProcessDiesIsStoppedWithIt() throws Exception {
        // On SIGINT the script forks a child (which, run in the background, ignores SIGINT) and exits once the
        // child is up: by then the child is no descendant of the stopped process, only a member of its group.
        ProcessCamera camera = start("trap '(echo $BASHPID > orphan.pid; exec sleep 60) & "
                + "while [ ! -s orphan.pid ]; do sleep 0.01; done; exit 0' INT; "
                + "echo up > started; while :; do sleep 0.05; done");
        awaitTrue(() -> Files.exists(dir.resolve("started")));
        long pid = camera.processHandle().pid();
        assertThat(processGroup(pid)).as("the process leads a group of its own").isEqualTo(pid);

        camera.close();

        long orphan = Long.parseLong(Files.readString(dir.resolve("orphan.pid")).trim());
        assertThat(ProcessHandle.of(orphan).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                .as("the child was re-parented").isNotEqualTo(Optional.of(pid));
        assertThat(running(orphan)).as("the orphan, once close() returned").isFalse();
    }

    @Test
    void heavyStderrNeverBlocksTheProcess() throws Exception {
        try (ProcessCamera camera = start("yes 'flood flood flood flood' | head -c 3000000 >&2; "
                + "head -c 3000000 /dev/zero | tr '\\0' x >&2; cat frame.jpg; sleep 30")) {
            assertThat(camera.nextFrame().jpeg()).isEqualTo(Files.readAllBytes(jpeg));
        }
    }

    @Test
    void childProcessesAreStoppedWhenTheJvmExits() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ExitingJvm.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("jvm.log").toFile())
                .start();
        Path pidFile = dir.resolve("child.pid");
        awaitTrue(() -> Files.exists(dir.resolve("started")));
        long child = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(ProcessHandle.of(child)).isPresent();

        jvm.destroy(); // SIGTERM, as systemd stops a service

        assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
        awaitTrue(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
        assertThat(dir.resolve("interrupted")).hasContent("yes");
    }

    private ProcessCamera start(String script) throws IOException {
        return ProcessCamera.start(new ProcessSettings("cam",
                List.of("bash", "-c", "cd '" + dir + "' && " + script), HINT, 1 << 20));
    }

    private static long processGroup(long pid) throws IOException {
        return Long.parseLong(stat(pid).orElseThrow()[2]);
    }

    /** Whether it runs: a zombie, which nothing has reaped yet, runs nothing. */
    private static boolean running(long pid) throws IOException {
        return stat(pid).filter(fields -> !fields[0].equals("Z")).isPresent();
    }

    /**
     * The fields of /proc/PID/stat after the program's name (which may hold spaces): state, parent, group, and on;
     * read here rather than through the code under test. Empty once the process is gone.
     */
    private static Optional<String[]> stat(long pid) throws IOException {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A JVM that runs a process camera until it is told to exit. */
    public static final class ExitingJvm {

        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            ProcessCamera camera = ProcessCamera.start(new ProcessSettings("cam", List.of("bash", "-c",
                    "cd '" + dir + "' && echo $$ > child.pid && trap 'echo yes > interrupted; exit 0' INT; "
                            + "sleep 60 & wait $!"), HINT, 1 << 20));
            while (!Files.exists(dir.resolve("child.pid"))) {
                Thread.sleep(10);
            }
            Files.writeString(dir.resolve("started"), String.valueOf(camera.processHandle().pid()));
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
