package io.camstream.driver.sim;

import io.camstream.core.image.JpegEncoder;
import io.camstream.spi.Camera;
import io.camstream.spi.Frame;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Measures what the test pattern costs: runs a sim camera flat out at its frame rate and reads the process's CPU
 * time, JIT and GC included. Not a test, so no figure is asserted; the command and results are in README.md.
 * <p>
 * Arguments: width height fps seconds (default 1280 720 30 10), after a 5 s warm-up.
 */
public final class PatternCpuBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private PatternCpuBenchmark() {
    }

    /**
     * Runs the benchmark and prints the figures.
     *
     * @param args width, height, fps and seconds, all optional
     * @throws Exception when the camera fails
     */
    public static void main(String[] args) throws Exception {
        int width = argument(args, 0, 1280);
        int height = argument(args, 1, 720);
        int fps = argument(args, 2, 30);
        Duration measured = Duration.ofSeconds(argument(args, 3, 10));
        Map<String, String> config = Map.of("width", Integer.toString(width), "height", Integer.toString(height),
                "fps", Integer.toString(fps));
        try (Camera camera = new SimCameraProvider().create(SimConfig.camera(config), "benchmark")) {
            run(camera, WARM_UP);
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            Run run = run(camera, measured);
            double seconds = (System.nanoTime() - wallBefore) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            System.out.printf("pattern %dx%d at %d fps, %.1f s: %d frames (%.1f fps, %d slots skipped), "
                            + "%.0f bytes per frame%n", width, height, fps, seconds, run.frames(),
                    run.frames() / seconds, run.skipped(), (double) run.bytes() / run.frames());
            System.out.printf("process CPU %.3f s = %.1f %% of one core, %.2f ms per frame%n",
                    cpuSeconds, 100 * cpuSeconds / seconds, 1000 * cpuSeconds / run.frames());
        }
        System.out.printf("for comparison, a full ImageIO encode of the frame: %.2f ms%n",
                fullEncodeMillis(width, height));
    }

    private static Run run(Camera camera, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        long frames = 0;
        long bytes = 0;
        long first = -1;
        long last = -1;
        while (System.nanoTime() < end) {
            Frame frame = camera.nextFrame();
            first = first < 0 ? frame.sequence() : first;
            last = frame.sequence();
            frames++;
            bytes += frame.size();
        }
        return new Run(frames, bytes, last - first + 1 - frames);
    }

    /** CPU time per encode of the whole pattern picture on this thread, after a warm-up. */
    private static double fullEncodeMillis(int width, int height) {
        SimSettings settings = new SimSettings(width, height, 30, 80, Optional.empty());
        BufferedImage picture = PatternBackground.draw("benchmark", settings, PatternLayout.of(width, height));
        var threads = ManagementFactory.getThreadMXBean();
        try (JpegEncoder encoder = new JpegEncoder(settings.quality())) {
            int rounds = 100;
            long start = 0;
            for (int i = 0; i < 2 * rounds; i++) {
                if (i == rounds) {
                    start = threads.getCurrentThreadCpuTime();
                }
                encoder.encode(picture);
            }
            return (threads.getCurrentThreadCpuTime() - start) / 1e6 / rounds;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int argument(String[] args, int index, int def) {
        return args.length > index ? Integer.parseInt(args[index]) : def;
    }

    /** What a run delivered; skipped counts the slots the pacer dropped because a frame came too late. */
    private record Run(long frames, long bytes, long skipped) {
    }
}
