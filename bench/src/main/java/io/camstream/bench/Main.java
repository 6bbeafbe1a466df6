package io.camstream.bench;

import io.camstream.bench.attack.AttackOptions;
import io.camstream.bench.attack.AttackSuite;
import io.camstream.bench.attack.SuiteResult;
import io.camstream.bench.client.LoadGenerator;
import io.camstream.bench.client.LoadOptions;
import io.camstream.bench.frames.FrameOptions;
import io.camstream.bench.frames.NoisyFrames;
import io.camstream.bench.jpeg.JpegCost;
import io.camstream.bench.matrix.Matrix;
import io.camstream.bench.matrix.MatrixOptions;
import io.camstream.bench.recording.RecordingCost;
import io.camstream.bench.reference.ReferenceOptions;
import io.camstream.bench.reference.ReferenceServer;
import io.camstream.bench.report.JsonReport;
import io.camstream.bench.report.LoadResult;
import io.camstream.bench.report.TextReport;
import io.camstream.bench.variants.VariantBench;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code camstream-bench}: load an MJPEG server, run the bare reference server, or make benchmark frames.
 */
public final class Main {

    private static final String USAGE = """
            usage:
              camstream-bench --url URL [--viewers N] [--warmup S] [--duration S] [--slow N --slow-kbps K]
                              [--pid PID] [--threads T] [--json]
                  watch an MJPEG stream with N viewers; print a summary and one JSON line (--json: the JSON line only)
              camstream-bench reference --folder DIR [--fps F] [--port P] [--host H] [--sndbuf BYTES]
                  serve the folder's JPEGs in a loop with the least work an MJPEG server can do
              camstream-bench frames --out DIR [--count 3] [--width 1280] [--height 720] [--target-kb 67]
                  write noisy JPEGs of about the target size
              camstream-bench matrix [--camstream server/target/camstream] [--out docs/PERFORMANCE.md]
                                     [--work DIR] [--port 8181] [--reference-port 8190] [--smoke]
                  run every benchmark scenario against camstream and the reference; write the figures into --out
                  (--smoke: one small scenario, briefly, to check that the matrix works)
              camstream-bench variants [--camstream server/target/camstream] [--work DIR] [--port 8181]
                                       [--reference-port 8190] [--warmup 12] [--duration 5]
                  a 1280x720 30 fps camera turned by rotate: 90, 100 viewers of the full picture beside 100, 1, 100
                  and no viewers of its width=320 variant, then 300 of the full picture alone; the bare reference
                  with 100 and 300 viewers and ffmpeg on the same frames; about two minutes
              camstream-bench jpeg [--iterations 300] [--work DIR]
                  CPU per frame of the JPEG toolkit's jobs (turning, reduced decoding, variants) beside ffmpeg and
                  ImageIO on the same 1280x720 and 1920x1080 frames
              camstream-bench recording [--camstream server/target/camstream] [--work DIR] [--warmup 10]
                                        [--duration 30] [--port 8181] [--source-port 8190]
                  CPU per frame of camstream's motion detection and continuous recording of a 1280x720 30 fps
                  camera, beside Debian's motion detecting on the same stream (needs 'apt install motion')
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        String command = arguments.getFirst();
        List<String> rest = arguments.subList(1, arguments.size());
        try {
            switch (command) {
                case "reference" -> reference(Args.parse(rest, Set.of()));
                case "frames" -> frames(Args.parse(rest, Set.of()));
                case "jpeg" -> JpegCost.run(Args.parse(rest, Set.of()));
                case "variants" -> VariantBench.run(Args.parse(rest, Set.of()));
                case "recording" -> RecordingCost.run(Args.parse(rest, Set.of()));
                case "matrix" -> new Matrix(MatrixOptions.from(Args.parse(rest, MatrixOptions.FLAGS))).run();
                case "attack" -> attack(AttackOptions.from(Args.parse(rest, AttackOptions.FLAGS)));
                default -> load(Args.parse(arguments, LoadOptions.FLAGS));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("camstream-bench: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    private static void load(Args args) throws InterruptedException {
        LoadOptions options = LoadOptions.from(args);
        LoadResult result = new LoadGenerator(options).run();
        if (!options.jsonOnly()) {
            System.out.print(TextReport.format(result));
        }
        System.out.println(JsonReport.format(result));
    }

    private static void attack(AttackOptions options) throws Exception {
        SuiteResult result = new AttackSuite(options).run();
        System.out.print(result.markdown());
        if (!result.passed()) {
            System.exit(1);
        }
    }

    private static void reference(Args args) throws IOException {
        ReferenceOptions options = ReferenceOptions.from(args);
        ReferenceServer server = ReferenceServer.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.printf(Locale.ROOT, "reference server on http://%s:%d/ streaming %d frames from %s at %.1f fps"
                        + " (pid %d)%n", server.address().getHostString(), server.address().getPort(),
                server.frameCount(), options.folder(), options.fps(), ProcessHandle.current().pid());
    }

    private static void frames(Args args) throws IOException {
        for (NoisyFrames.Written frame : NoisyFrames.write(FrameOptions.from(args))) {
            System.out.printf(Locale.ROOT, "%s  %.1f kB  quality %.2f%n",
                    frame.file(), frame.bytes() / 1000.0, frame.quality());
        }
    }
}
