package io.camstream.bench.recording;

import io.camstream.bench.Args;
import io.camstream.bench.frames.MovingBoxFrames;
import io.camstream.bench.matrix.Machine;
import io.camstream.bench.matrix.ServerProcess;
import io.camstream.bench.reference.ReferenceOptions;
import io.camstream.bench.reference.ReferenceServer;
import io.camstream.bench.report.ProcessMeter;
import io.camstream.bench.report.ProcessProbe;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What motion detection and continuous recording cost camstream, beside Debian's Motion detecting on the same
 * frames. A bare reference server plays frames with a moving box (1280x720, 30 fps) in a loop; camstream takes them
 * with its http driver, and Motion takes camstream's stream as a netcam (listening on nothing itself: web control
 * and stream off). Three phases, each a fresh camstream with Motion watching: camstream with neither detection nor
 * recording (the baseline), with detection, with continuous recording. camstream's cost of a job is its CPU above
 * the baseline per frame of the job; Motion's is its CPU per frame it received. Writing the same bytes with a bare
 * loop gives the floor for recording.
 */
public final class RecordingCost {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** @param thread the name of the camstream thread that does the job, if any */
    private record Phase(String name, String cameraKeys, String thread) {
    }

    private record Figures(long captured, long sent, long analysed, long skipped, long recorded, long bytes) {
    }

    /** @param threadCpu the CPU of camstream's threads that do the phase's job: motion-desk, recorder-desk */
    private record Measured(Phase phase, double seconds, double camstreamCpu, double threadCpu, double motionCpu,
                            Figures delta) {
    }

    private final Path camstream;
    private final Path work;
    private final Duration warmup;
    private final Duration window;
    private final int port;
    private final int sourcePort;

    private RecordingCost(Args args) {
        this.camstream = Path.of(args.optional("camstream").orElse("server/target/camstream"));
        this.work = Path.of(args.optional("work").orElse("bench/target/recording-bench"));
        this.warmup = Duration.ofSeconds(args.integer("warmup", 10, 0));
        this.window = Duration.ofSeconds(args.integer("duration", 30, 5));
        this.port = args.integer("port", 8181, 1);
        this.sourcePort = args.integer("source-port", 8190, 1);
        args.rejectUnknown();
    }

    /**
     * Runs the three phases and prints the figures as a Markdown table.
     *
     * @param args the command's options
     * @throws Exception when a program cannot be run
     */
    public static void run(Args args) throws Exception {
        new RecordingCost(args).run();
    }

    private void run() throws Exception {
        String machine = Machine.describe();
        Path frames = work.resolve("frames");
        List<Path> files = MovingBoxFrames.write(frames, 90, 1280, 720, 0.8f);
        long frameBytes = 0;
        for (Path file : files) {
            frameBytes += Files.size(file);
        }
        List<Measured> results = new ArrayList<>();
        try (ReferenceServer source = ReferenceServer.start(new ReferenceOptions("127.0.0.1", sourcePort, frames,
                30, 0))) {
            for (Phase phase : List.of(
                    new Phase("baseline: camera served to Motion", "", "none"),
                    new Phase("motion detection", "motion: {enabled: true}", "motion-desk"),
                    new Phase("continuous recording", "recording: {mode: continuous, min-free: 0}",
                            "recorder-desk"))) {
                results.add(measure(phase));
            }
        }
        double floor = writeFloor(files, results.get(2).delta().recorded());
        System.out.print(report(machine, frameBytes / files.size(), results, floor));
    }

    private Measured measure(Phase phase) throws Exception {
        Path data = work.resolve("data-" + phase.name().charAt(0));
        deleteTree(data);
        Path config = work.resolve("camstream.yaml");
        Files.writeString(config, """
                server:
                  port: %d
                  host: 127.0.0.1
                camstream:
                  data-dir: %s
                  cameras:
                    - name: desk
                      driver: http
                      url: http://127.0.0.1:%d/
                      fps: 30
                      width: 1280
                      height: 720
                      idle-timeout: 1h
                """.formatted(port, data.toAbsolutePath(), sourcePort)
                + (phase.cameraKeys().isEmpty() ? "" : "      " + phase.cameraKeys() + "\n"));
        Path log = work.resolve("camstream-" + phase.name().charAt(0) + ".log");
        Files.deleteIfExists(log);
        try (ServerProcess server = ServerProcess.start(List.of(camstream.resolve("bin/camstream").toString(),
                "--config", config.toAbsolutePath().toString()), Map.of(), log)) {
            awaitListening();
            try (ServerProcess motion = Motion.start(work, "http://127.0.0.1:" + port + "/cameras/desk/stream")) {
                awaitOnline();
                Thread.sleep(warmup.toMillis());
                ProcessProbe camstreamProbe = ProcessProbe.of(server.pid());
                ProcessMeter camstreamMeter = new ProcessMeter(camstreamProbe);
                ProcessMeter motionMeter = new ProcessMeter(ProcessProbe.of(motion.pid()));
                double threadBefore = camstreamProbe.threadCpuSeconds(phase.thread());
                Figures before = figures();
                long start = System.nanoTime();
                Thread.sleep(window.toMillis());
                camstreamMeter.sample();
                motionMeter.sample();
                double threadCpu = camstreamProbe.threadCpuSeconds(phase.thread()) - threadBefore;
                Figures after = figures();
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Measured(phase, seconds, camstreamMeter.cpuSeconds(), threadCpu, motionMeter.cpuSeconds(),
                        new Figures(after.captured() - before.captured(), after.sent() - before.sent(),
                                after.analysed() - before.analysed(), after.skipped() - before.skipped(),
                                after.recorded() - before.recorded(), after.bytes() - before.bytes()));
            }
        }
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                state();
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("camstream did not answer within 60 s; see " + work, e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** The baseline camera captures only once Motion watches it. */
    private void awaitOnline() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (state().contains("\"online\":true")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("camstream did not show the camera online within 60 s; see " + work);
    }

    private String state() throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cameras/desk"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The camera's counters; the only streaming viewer is Motion, so frames sent are Motion's. */
    private Figures figures() throws IOException, InterruptedException {
        String state = state();
        return new Figures(number(state, "frames-captured"), number(state, "frames-sent"),
                number(state, "frames-analysed"), number(state, "\"motion\".*?\"frames-skipped\""),
                number(state, "frames-recorded"), number(state, "bytes-recorded"));
    }

    private static long number(String json, String key) {
        String name = key.startsWith("\"") ? key : "\"" + key + "\"";
        Matcher m = Pattern.compile(name + ":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** CPU per frame of writing the frames' bytes in a bare loop, each with a record header, in microseconds. */
    private double writeFloor(List<Path> files, long count) throws IOException {
        List<byte[]> jpegs = new ArrayList<>();
        for (Path file : files) {
            jpegs.add(Files.readAllBytes(file));
        }
        Path out = work.resolve("floor.bin");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long frames = Math.max(count, 300);
        long cpu;
        try (FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer header = ByteBuffer.allocate(36);
            long begin = threads.getCurrentThreadCpuTime();
            for (long i = 0; i < frames; i++) {
                byte[] jpeg = jpegs.get((int) (i % jpegs.size()));
                header.clear();
                header.putLong(i).flip();
                header.limit(36);
                channel.write(new ByteBuffer[]{header, ByteBuffer.wrap(jpeg)});
            }
            channel.force(false);
            cpu = threads.getCurrentThreadCpuTime() - begin;
        } finally {
            Files.deleteIfExists(out);
        }
        return cpu / 1e3 / frames;
    }

    private static String report(String machine, long frameBytes, List<Measured> results, double floor) {
        Measured base = results.get(0);
        Measured detection = results.get(1);
        Measured recording = results.get(2);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Machine: %s; frames 1280x720, %.0f kB each, 30 fps.%n%n", machine,
                frameBytes / 1000.0));
        out.append("| phase | s | camera fps | camstream CPU (share of a core) | Motion CPU (share of a core) |"
                + " Motion frames | detected / skipped | recorded frames, MB |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Measured m : results) {
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f %% | %.1f %% | %d | %d / %d | %d, %.1f |%n",
                    m.phase().name(), m.seconds(), m.delta().captured() / m.seconds(),
                    100 * m.camstreamCpu() / m.seconds(), 100 * m.motionCpu() / m.seconds(), m.delta().sent(),
                    m.delta().analysed(), m.delta().skipped(), m.delta().recorded(), m.delta().bytes() / 1e6));
        }
        double detectionCost = perFrame(detection, base, detection.delta().analysed());
        double recordingCost = perFrame(recording, base, recording.delta().recorded());
        double detectionThread = detection.threadCpu() * 1e6 / Math.max(1, detection.delta().analysed());
        double recordingThread = recording.threadCpu() * 1e6 / Math.max(1, recording.delta().recorded());
        double motionCost = results.stream().mapToDouble(m -> m.motionCpu() * 1e6 / Math.max(1, m.delta().sent()))
                .average().orElse(Double.NaN);
        out.append(String.format(Locale.ROOT, "%n| job | CPU per frame | share of a core at 30 fps |%n|---|---|---|%n"));
        row(out, "camstream motion detection: its thread (decode, compare, events)", detectionThread);
        row(out, "camstream motion detection: the process above the baseline", detectionCost);
        row(out, "Motion 4.5 detecting on the same stream: the process (decoding included), per frame received",
                motionCost);
        row(out, "camstream continuous recording: its writer thread (records, index, retention)", recordingThread);
        row(out, "camstream continuous recording: the process above the baseline", recordingCost);
        row(out, "writing the same bytes in a bare loop (a header and the JPEG, one call each)", floor);
        return out.toString();
    }

    private static void row(StringBuilder out, String job, double micros) {
        out.append(String.format(Locale.ROOT, "| %s | %.0f µs | %.1f %% |%n", job, micros, micros * 30 / 1e4));
    }

    private static double perFrame(Measured job, Measured base, long frames) {
        double extra = job.camstreamCpu() / job.seconds() - base.camstreamCpu() / base.seconds();
        return extra * job.seconds() * 1e6 / Math.max(1, frames);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
