package io.camstream.bench.client;

import io.camstream.bench.report.LoadResult;
import io.camstream.bench.report.ProcessProbe;
import io.camstream.bench.report.ProcessSample;
import io.camstream.bench.report.RunSetup;
import io.camstream.bench.report.ServerUsage;
import io.camstream.bench.report.ViewerResult;

import java.io.IOException;
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

    private static final long SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final double KIB_PER_MIB = 1024;

    private final LoadOptions options;

    public LoadGenerator(LoadOptions options) {
        this.options = options;
    }

    /**
     * Runs the warm-up and the measuring window, then disconnects every viewer.
     *
     * @return the figures of the window
     * @throws IOException          when the server's process cannot be read
     * @throws InterruptedException when interrupted
     */
    public LoadResult run() throws IOException, InterruptedException {
        Optional<ProcessProbe> server = options.pid().stream().mapToObj(ProcessProbe::of).findFirst();
        ProcessProbe self = ProcessProbe.of(ProcessHandle.current().pid());
        InetSocketAddress address = address(options.url());
        ByteBuffer request = request(options.url());
        WallClock clock = WallClock.calibrate();
        long start = System.nanoTime();
        long measureStart = start + options.warmup().toNanos();
        RunWindow window = new RunWindow(start, measureStart, measureStart + options.duration().toNanos());

        int threads = Math.min(options.threads(), options.viewers());
        List<List<ViewerConnection>> shares = new ArrayList<>();
        List<FrameLog> logs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            shares.add(new ArrayList<>());
            logs.add(new FrameLog());
        }
        int slowBytesPerTick = (int) (options.slowKbps() * 1000L * SelectorLoop.TICK_NANOS / TimeUnit.SECONDS.toNanos(1));
        List<ViewerConnection> viewers = new ArrayList<>();
        for (int i = 0; i < options.viewers(); i++) {
            int t = i % threads;
            boolean slow = i < options.slow();
            ViewerConnection viewer = new ViewerConnection(window, clock, logs.get(t), request,
                    slow ? slowBytesPerTick : 0);
            viewers.add(viewer);
            shares.get(t).add(viewer);
        }
        List<Thread> loops = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            loops.add(Thread.ofPlatform().name("viewers-" + t)
                    .start(new SelectorLoop(shares.get(t), address, window)));
        }

        parkUntil(window.measureStart());
        Optional<Usage> serverUsage = server.map(Usage::new);
        Usage selfUsage = new Usage(self);
        for (long next = window.measureStart() + SAMPLE_NANOS; next - window.end() < 0; next += SAMPLE_NANOS) {
            parkUntil(next);
            serverUsage.ifPresent(Usage::sample);
        }
        parkUntil(window.end());
        serverUsage.ifPresent(Usage::sample);
        selfUsage.sample();
        for (Thread loop : loops) {
            loop.join();
        }

        List<ViewerResult> results = viewers.stream().map(ViewerConnection::result).toList();
        FrameLog total = new FrameLog();
        logs.forEach(log -> log.addTo(total));
        long frames = results.stream().mapToLong(ViewerResult::frames).sum();
        RunSetup setup = new RunSetup(options.url().toString(), options.viewers(), options.slow(), options.slowKbps(),
                options.warmup().toNanos() / 1e9, window.seconds());
        return LoadResult.of(setup, results, total.ages(), total.slowAges(), total.stamps().distinctCount(),
                selfUsage.cpuSeconds(), serverUsage.flatMap(usage -> usage.summary(frames)));
    }

    private static InetSocketAddress address(URI url) {
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

    /** A process's counters from the start of the window, its peak memory, and the last reading. */
    private static final class Usage {

        private final ProcessProbe probe;
        private ProcessSample first;
        private ProcessSample last;
        private long maxRssKiB;

        Usage(ProcessProbe probe) {
            this.probe = probe;
            sample();
        }

        void sample() {
            try {
                last = probe.sample();
                first = first == null ? last : first;
                maxRssKiB = Math.max(maxRssKiB, last.rssKiB());
            } catch (IOException e) {
                last = null;
            }
        }

        double cpuSeconds() {
            return last == null ? Double.NaN : probe.cpuSeconds(first, last);
        }

        /** Empty when the process ended during the window. */
        Optional<ServerUsage> summary(long frames) {
            if (first == null || last == null) {
                return Optional.empty();
            }
            double cpu = cpuSeconds();
            return Optional.of(new ServerUsage(probe.pid(), cpu, cpu * 1e6 / frames,
                    first.rssKiB() / KIB_PER_MIB, last.rssKiB() / KIB_PER_MIB, maxRssKiB / KIB_PER_MIB,
                    last.threads()));
        }
    }
}
