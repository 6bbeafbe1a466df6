package io.camstream.bench.matrix;

import io.camstream.bench.client.FirstFrame;
import io.camstream.bench.client.LoadGenerator;
import io.camstream.bench.client.LoadOptions;
import io.camstream.bench.frames.FrameOptions;
import io.camstream.bench.frames.NoisyFrames;
import io.camstream.bench.report.LoadResult;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The benchmark matrix: makes frames, then runs every scenario against camstream (its distribution, launcher and
 * default JVM options, the sim driver playing the frames) and then against the bare reference, each server started
 * afresh for each run, and writes the figures into the performance document.
 */
public final class Matrix {

    static final List<Scenario> SCENARIOS = List.of(
            Scenario.normal(1, 10),
            Scenario.normal(10, 10),
            Scenario.normal(100, 10),
            Scenario.normal(300, 15),
            Scenario.normal(1000, 10),
            Scenario.capped(2000, 5, 20),
            Scenario.slowViewers(100, 10, 100, 20));

    /**
     * The installation's first launch, which records what it loads; the second, which builds the startup cache from
     * that in the background (Java 25+); and three launches that map it.
     */
    private static final int COLD_STARTS = 5;
    private static final int SMOKE_COLD_STARTS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final MatrixOptions options;
    private final Path frames;
    private final Path log;
    private final StartupCache cache;
    private final List<Scenario> scenarios;
    private final int coldStarts;

    public Matrix(MatrixOptions options) {
        this.options = options;
        this.scenarios = options.smoke() ? List.of(Scenario.smoke()) : SCENARIOS;
        this.coldStarts = options.smoke() ? SMOKE_COLD_STARTS : COLD_STARTS;
        this.frames = options.work().resolve("frames");
        this.log = options.work().resolve("servers.log");
        this.cache = new StartupCache(options.work().resolve("cache"));
    }

    /**
     * Runs everything and writes the document.
     *
     * @throws IOException          when frames, configs or the document cannot be written, or a server cannot start
     * @throws InterruptedException when interrupted
     */
    public void run() throws IOException, InterruptedException {
        Files.createDirectories(options.work());
        Files.deleteIfExists(log);
        cache.clear();
        List<NoisyFrames.Written> written = NoisyFrames.write(new FrameOptions(frames, 3, 1280, 720, 67));
        progress("frames: " + written.stream().map(w -> w.bytes() + " B").toList() + " in " + frames);

        Map<String, String> commandLines = new HashMap<>();
        List<Duration> camstreamStarts = new ArrayList<>();
        List<Duration> referenceStarts = new ArrayList<>();
        for (int i = 0; i < coldStarts; i++) {
            camstreamStarts.add(coldStart(Server.CAMSTREAM, commandLines));
            referenceStarts.add(coldStart(Server.REFERENCE, commandLines));
            if (i == 1) {
                awaitStartupCache();
            }
        }
        List<MatrixReport.Row> rows = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            LoadResult camstream = load(Server.CAMSTREAM, scenario);
            LoadResult reference = load(Server.REFERENCE, scenario);
            rows.add(new MatrixReport.Row(scenario, camstream, reference));
        }
        MatrixReport report = new MatrixReport(written, commandLines, camstreamStarts, referenceStarts, rows);
        report.writeInto(options.out());
        progress("wrote " + options.out());
    }

    private enum Server { CAMSTREAM, REFERENCE }

    private Duration coldStart(Server server, Map<String, String> commandLines) throws IOException,
            InterruptedException {
        try (ServerProcess process = start(server, 30)) {
            Duration start = FirstFrame.await(url(server), process.startNanos(), START_TIMEOUT);
            commandLines.put(server.name(), process.commandLine());
            progress(server + " cold start: " + start.toMillis() + " ms");
            return start;
        }
    }

    private LoadResult load(Server server, Scenario scenario) throws IOException, InterruptedException {
        int fps = server == Server.CAMSTREAM ? scenario.cameraFps() : scenario.referenceFps();
        try (ServerProcess process = start(server, fps)) {
            FirstFrame.await(url(server), process.startNanos(), START_TIMEOUT);
            URI url = server == Server.CAMSTREAM && scenario.viewerFps() > 0
                    ? URI.create(url(server) + "?fps=" + scenario.viewerFps())
                    : url(server);
            LoadOptions load = new LoadOptions(url, scenario.viewers(), scenario.warmup(), scenario.duration(),
                    scenario.slow(), scenario.slowKbps(), OptionalLong.of(process.pid()), 2, true);
            LoadResult result = new LoadGenerator(load).run();
            progress(server + " " + scenario.title() + ": min " + result.fps().min() + " fps, "
                    + result.server().map(u -> String.format("%.1f µs per frame", u.cpuMicrosPerFrame())).orElse(""));
            return result;
        }
    }

    private ServerProcess start(Server server, int fps) throws IOException {
        if (server == Server.REFERENCE) {
            return ServerProcess.reference(frames, fps, options.referencePort(), log);
        }
        ServerProcess.requireFree(options.port());
        // camstream keeps its startup cache in the work folder, not in the user's
        return ServerProcess.start(List.of(options.camstream().resolve("bin/camstream").toString(),
                "--config", camstreamConfig(fps).toString()),
                cache.environment(), log);
    }

    private void awaitStartupCache() throws IOException, InterruptedException {
        cache.await().ifPresentOrElse(name -> progress("startup cache ready: " + name), () -> progress(
                "no startup cache after " + StartupCache.timeout().toSeconds() + " s; going on without"));
    }

    private Path camstreamConfig(int fps) throws IOException {
        Path config = options.work().resolve("camstream-" + fps + "fps.yaml");
        // Every viewer comes from 127.0.0.1: above the default cap of connections per client address.
        Files.writeString(config, """
                server:
                  port: %d
                  host: 127.0.0.1
                camstream:
                  max-connections-per-client: 5000
                  cameras:
                    - name: default
                      driver: sim
                      folder: "%s"
                      fps: %d
                """.formatted(options.port(), frames.toAbsolutePath(), fps));
        return config;
    }

    private URI url(Server server) {
        return switch (server) {
            case CAMSTREAM -> URI.create("http://127.0.0.1:" + options.port() + "/video_feed");
            case REFERENCE -> URI.create("http://127.0.0.1:" + options.referencePort() + "/");
        };
    }

    private static void progress(String message) {
        System.out.println("matrix: " + message);
    }
}
