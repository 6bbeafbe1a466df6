package io.camstream.recording.hooks;

import com.sun.net.httpserver.HttpServer;
import io.camstream.recording.events.MotionEvent;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HooksTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final MotionEvent STARTED = new MotionEvent(7, START, Optional.empty(), 0.05, START);
    private static final MotionEvent ENDED = new MotionEvent(7, START, Optional.of(START.plusSeconds(4)), 0.05,
            START);

    @TempDir
    Path dir;

    private static HookSettings settings(String yaml) {
        return HookSettings.from(Config.just(ConfigSources.create(yaml, MediaTypes.APPLICATION_X_YAML)));
    }

    private Path script(String body) throws IOException {
        Path script = dir.resolve("hook.sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void aCommandGetsTheCameraTheEventAndTheTimeAsArgumentsWithoutAShell() throws Exception {
        Path out = dir.resolve("args");
        Path script = script("for a in \"$@\"; do echo \"[$a]\"; done > " + out);
        Hooks hooks = new Hooks("door", settings("""
                on-event-start: [%s, "--says", "$HOME; rm -rf /"]
                on-event-end: %s
                """.formatted(script, script)));

        hooks.started(STARTED);
        awaitFile(out);
        assertThat(Files.readAllLines(out)).containsExactly("[--says]", "[$HOME; rm -rf /]", "[door]", "[7]",
                "[2026-12-01T10:00:00Z]");
        Files.delete(out);
        hooks.ended(ENDED);
        awaitFile(out);
        assertThat(Files.readAllLines(out)).containsExactly("[door]", "[7]", "[2026-12-01T10:00:04Z]");
    }

    @Test
    void aCommandThatRunsPastTheTimeoutIsStoppedWithWhatItStartedAndCounted() throws Exception {
        Path child = dir.resolve("child.pid");
        Path script = script("sleep 30 & echo $! > " + child + "; wait");
        Hooks hooks = new Hooks("door", settings("""
                on-event-start: %s
                hook-timeout: 300ms
                """.formatted(script)));
        long began = System.nanoTime();
        hooks.started(STARTED);
        while (hooks.failures() == 0) {
            assertThat(System.nanoTime() - began).isLessThan(TimeUnit.SECONDS.toNanos(10));
            Thread.sleep(20);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        assertThat(running(Long.parseLong(Files.readString(child).trim()))).as("the sleep the hook started").isFalse();
    }

    @Test
    void whatACommandThatEndedInTimeLeftInTheBackgroundRunsOn() throws Exception {
        Path later = dir.resolve("later");
        Hooks hooks = new Hooks("door", settings("on-event-start: " + script("(sleep 0.3; echo yes > " + later
                + ") & exit 0")));
        hooks.started(STARTED);
        awaitFile(later);
        assertThat(later).hasContent("yes");
        assertThat(hooks.failures()).isZero();
    }

    @Test
    void aUrlIsPostedTheEventAsJsonOrGotWithItInTheQuery() throws Exception {
        BlockingQueue<String> requests = new ArrayBlockingQueue<>(4);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            new Hooks("door", settings("on-event-end: " + url)).ended(ENDED);
            assertThat(requests.poll(10, TimeUnit.SECONDS)).isEqualTo("POST /hook {\"camera\":\"door\",\"event\":7,"
                    + "\"phase\":\"end\",\"time\":\"2026-12-01T10:00:04Z\",\"peak-score\":0.05}");
            new Hooks("door", settings("on-event-start: " + url + "?key=1\nhook-method: GET")).started(STARTED);
            assertThat(requests.poll(10, TimeUnit.SECONDS)).isEqualTo("GET /hook?key=1&camera=door&event=7"
                    + "&phase=start&time=2026-12-01T10%3A00%3A00Z ");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aHookThatCannotRunStopsTheStartWithTheKeyAndTheWayToGiveArguments() {
        assertThatThrownBy(() -> settings("on-event-start: /usr/local/bin/notify --loud"))
                .hasMessageContaining("on-event-start: '/usr/local/bin/notify --loud' is not a program that can be"
                        + " run; no shell is used, so give arguments as a list");
        assertThatThrownBy(() -> settings("hook-method: PUT")).hasMessageContaining("hook-method: 'PUT'");
    }

    /** Whether ps(1) shows the process, and not as a zombie (one nothing has reaped yet runs nothing). */
    private static boolean running(long pid) throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("ps", "-o", "stat=", "-p", Long.toString(pid)).start();
        String state = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        ps.waitFor();
        return !state.isEmpty() && !state.startsWith("Z");
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(file) || file.toFile().length() == 0) {
            assertThat(System.nanoTime()).as("waiting for " + file).isLessThan(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(100); // the script's last lines
    }
}
