package io.camstream.bench.client;

import io.camstream.bench.report.LoadResult;
import io.camstream.bench.report.ProcessMeter;
import io.camstream.bench.report.ProcessProbe;
import io.camstream.bench.report.RunSetup;
import io.camstream.bench.report.ViewerResult;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches one MJPEG stream with many viewers on a few selector threads, and measures what they receive and, when
 * given its pid, what the server spends.
 */
public final class LoadGenerator {

    private static final System.Logger LOGGER = System.getLogger(LoadGenerator.class.getName());
    private static final long SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LoadOptions options;

    public LoadGenerator(LoadOptions options) {
        this.options = options;
    }

    /**
     * Runs the warm-up and the measuring window, then disconnects every viewer.
     *
     * @return the figures of the window
     * @throws IllegalArgumentException when the host is unknown or there is no process with the pid
     * @throws InterruptedException     when interrupted
     */
    public LoadResult run() throws InterruptedException {
        Optional<ProcessProbe> server = options.pid().stream().mapToObj(ProcessProbe::of).findFirst();
        ProcessProbe self = ProcessProbe.of(ProcessHandle.current().pid());
        InetSocketAddress address = address(options.url());
        long start = System.nanoTime();
        long measureStart = start + options.warmup().toNanos();
        RunWindow window = new RunWindow(start, measureStart, measureStart + options.duration().toNanos());

        int threads = Math.min(options.threads(), options.viewers());
        List<FrameLog> logs = new ArrayList<>();
        List<List<ViewerConnection>> shares = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            logs.add(new FrameLog());
            shares.add(new ArrayList<>());
        }
        List<ViewerConnection> viewers = viewers(window, logs);
        for (int i = 0; i < viewers.size(); i++) {
            shares.get(i % threads).add(viewers.get(i));
        }
        List<Thread> loops = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            loops.add(Thread.ofPlatform().name("viewers-" + t).start(new SelectorLoop(shares.get(t), address, window)));
        }

        parkUntil(window.measureStart());
        Optional<ProcessMeter> serverMeter = server.map(ProcessMeter::new);
        ProcessMeter selfMeter = new ProcessMeter(self);
        for (long next = window.measureStart() + SAMPLE_NANOS; next - window.end() < 0; next += SAMPLE_NANOS) {
            parkUntil(next);
            serverMeter.ifPresent(ProcessMeter::sample);
        }
        parkUntil(window.end());
        serverMeter.ifPresent(ProcessMeter::sample);
        selfMeter.sample();
        for (Thread loop : loops) {
            loop.join();
        }
        return result(window, viewers, logs, selfMeter, serverMeter);
    }

    private List<ViewerConnection> viewers(RunWindow window, List<FrameLog> logs) {
        ByteBuffer request = request(options.url());
        WallClock clock = WallClock.calibrate();
        long ticksPerSecond = TimeUnit.SECONDS.toNanos(1) / SelectorLoop.TICK_NANOS;
        int slowBytesPerTick = (int) (options.slowKbps() * 1000L / ticksPerSecond);
        List<ViewerConnection> viewers = new ArrayList<>();
        for (int i = 0; i < options.viewers(); i++) {
            FrameLog log = logs.get(i % logs.size());
            viewers.add(new ViewerConnection(window, clock, log, request, i < options.slow() ? slowBytesPerTick : 0));
        }
        return viewers;
    }

    private LoadResult result(RunWindow window, List<ViewerConnection> viewers, List<FrameLog> logs,
                              ProcessMeter selfMeter, Optional<ProcessMeter> serverMeter) {
        List<ViewerResult> results = viewers.stream().map(ViewerConnection::result).toList();
        FrameLog total = new FrameLog();
        logs.forEach(log -> log.addTo(total));
        long frames = results.stream().mapToLong(ViewerResult::frames).sum();
        if (serverMeter.filter(ProcessMeter::gone).isPresent()) {
            LOGGER.log(System.Logger.Level.WARNING, "Server process {0} ended during the run",
                    Long.toString(options.pid().orElseThrow()));
        }
        RunSetup setup = new RunSetup(options.url().toString(), options.viewers(), options.slow(), options.slowKbps(),
                options.warmup().toNanos() / 1e9, window.seconds());
        return LoadResult.of(setup, results, total.ages(), total.slowAges(), total.stamps().distinctCount(),
                selfMeter.cpuSeconds(), serverMeter.flatMap(meter -> meter.usage(frames)));
    }

    static InetSocketAddress address(URI url) {
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort() < 0 ? 80 : url.getPort());
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("--url host " + url.getHost() + " is not known");
        }
        return address;
    }

    static ByteBuffer request(URI url) {
        String target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String host = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        StringBuilder request = new StringBuilder()
                .append("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("User-Agent: camstream-bench\r\n")
                .append("Accept: */*\r\n");
        if (url.getUserInfo() != null) {
            String credentials = Base64.getEncoder().encodeToString(url.getUserInfo().getBytes(StandardCharsets.UTF_8));
            request.append("Authorization: Basic ").append(credentials).append("\r\n");
        }
        byte[] bytes = request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    private static void parkUntil(long deadline) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
