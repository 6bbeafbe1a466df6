package io.camstream.bench.jpeg;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ffmpeg turning the same frames as an MJPEG stream; its own {@code -benchmark} line gives its CPU time. */
public final class FfmpegCost {

    private static final Pattern BENCH = Pattern.compile("utime=([0-9.]+)s stime=([0-9.]+)s");

    private FfmpegCost() {
    }

    static void report(String job, List<byte[]> frames, int count) throws IOException {
        OptionalDouble millis = transposeMillis(frames, count);
        if (millis.isPresent()) {
            System.out.printf(Locale.ROOT, "%-60s %8.2f ms (ffmpeg process, %d frames, start-up included)%n", job,
                    millis.getAsDouble(), count);
        } else {
            System.out.printf("%-60s ffmpeg printed no -benchmark line%n", job);
        }
    }

    /**
     * The CPU time per frame of {@code ffmpeg -vf transpose=1 -q:v 2} re-encoding frames, start-up included.
     *
     * @param frames the JPEGs, fed in turn
     * @param count  how many frames to feed
     * @return milliseconds of CPU per frame, or empty when ffmpeg gave no figure
     * @throws IOException when ffmpeg cannot be started
     */
    public static OptionalDouble transposeMillis(List<byte[]> frames, int count) throws IOException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-benchmark", "-f", "mjpeg", "-i", "-",
                "-vf", "transpose=1", "-q:v", "2", "-f", "mjpeg", "-y", "/dev/null")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Thread feeder = Thread.startVirtualThread(() -> {
            try (OutputStream in = ffmpeg.getOutputStream()) {
                for (int i = 0; i < count; i++) {
                    in.write(frames.get(i % frames.size()));
                }
            } catch (IOException e) {
                throw JpegCost.unchecked(e);
            }
        });
        String errors = new String(ffmpeg.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            feeder.join();
            ffmpeg.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
        Matcher m = BENCH.matcher(errors);
        if (!m.find()) {
            return OptionalDouble.empty();
        }
        double cpu = Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2));
        return OptionalDouble.of(cpu * 1000 / count);
    }
}
