package io.camstream.bench.jpeg;

import io.camstream.bench.Args;
import io.camstream.bench.frames.FrameOptions;
import io.camstream.bench.frames.NoisyFrames;
import io.camstream.core.image.JpegEncoder;
import io.camstream.core.jpeg.CoefficientImage;
import io.camstream.core.jpeg.HuffmanChoice;
import io.camstream.core.jpeg.JpegDecoder;
import io.camstream.core.jpeg.JpegLimits;
import io.camstream.core.jpeg.JpegTransformer;
import io.camstream.core.jpeg.JpegWriter;
import io.camstream.core.jpeg.LosslessTransform;
import io.camstream.core.jpeg.PlanarEncoder;
import io.camstream.core.jpeg.Scale;
import io.camstream.spi.Orientation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code camstream-bench jpeg}: the CPU one frame costs for each job of the JPEG toolkit, on noisy camera-like
 * frames, beside ffmpeg turning the same frames and beside the JDK's ImageIO (native libjpeg) where it can do the
 * same job. Each figure is the thread's CPU time per frame after a warm-up, so the JIT has compiled the code.
 */
public final class JpegCost {

    private final Path work;
    private final int iterations;

    private JpegCost(Path work, int iterations) {
        this.work = work;
        this.iterations = iterations;
    }

    /**
     * Runs the measurements and prints one line per job.
     *
     * @param args {@code --work DIR} (default a temporary folder), {@code --iterations N} (default 300)
     * @throws IOException when the frames cannot be written
     */
    public static void run(Args args) throws IOException {
        Path work = args.optional("work").map(Path::of).orElse(Files.createTempDirectory("jpeg-cost"));
        int iterations = args.integer("iterations", 300, 10);
        args.rejectUnknown();
        new JpegCost(work, iterations).measure();
    }

    private void measure() throws IOException {
        List<byte[]> hd = frames("hd", 1280, 720);
        List<byte[]> fullHd = frames("fullhd", 1920, 1080);
        System.out.printf(Locale.ROOT, "frames: 1280x720 %d kB, 1920x1080 %d kB (ImageIO 4:2:0, noisy); %d"
                + " iterations after as many to warm up; CPU per frame%n", hd.getFirst().length / 1000,
                fullHd.getFirst().length / 1000, iterations);
        JpegTransformer rotate = new JpegTransformer(Orientation.ROTATE_90, JpegLimits.DEFAULT);
        report("1280x720 lossless rotate 90, original Huffman tables", hd, rotate::transform);
        report("1280x720 lossless rotate 90, optimal Huffman tables", hd, jpeg -> JpegWriter.write(
                LosslessTransform.apply(CoefficientImage.read(jpeg, JpegLimits.DEFAULT), Orientation.ROTATE_90),
                HuffmanChoice.OPTIMAL, 0, List.of()));
        report("1280x720 rotate 90 by re-encoding (the fallback)", hd, rotate::reencode);
        report("1920x1080 rotate 90: luminance lossless, chrominance re-encoded", fullHd, rotate::transform);
        report("1920x1080 rotate 90 by re-encoding everything", fullHd, rotate::reencode);
        report("1280x720 coefficients only (entropy decoding)", hd,
                jpeg -> CoefficientImage.read(jpeg, JpegLimits.DEFAULT));
        report("1280x720 luminance at 160x90 (1/8 scale, DC only)", hd,
                jpeg -> JpegDecoder.luminance(jpeg, 160, JpegLimits.DEFAULT));
        report("1280x720 full decode to planes", hd, jpeg -> JpegDecoder.decode(jpeg, Scale.FULL, JpegLimits.DEFAULT));
        report("1280x720 ImageIO full decode to RGB", hd, ImageIoJobs::decode);
        report("1280x720 decode+resize+encode to 320x180 q75", hd,
                jpeg -> PlanarEncoder.encode(JpegDecoder.decode(jpeg, 320, JpegLimits.DEFAULT), 75, 0));
        report("1280x720 ImageIO decode+resize+encode to 320x180 q75", hd, jpeg -> ImageIoJobs.thumbnail(jpeg, 320));
        report("1280x720 encode from planes q75 (ours)", hd.stream().map(JpegCost::planes).toList(),
                planes -> PlanarEncoder.encode(planes, 75, 0));
        List<BufferedImage> pictures = hd.stream().map(ImageIoJobs::decode).map(JpegCost::bgr).toList();
        JpegEncoder encoder = new JpegEncoder(75);
        report("1280x720 encode from RGB q75 (JpegEncoder: to YCbCr, then ours)", pictures, encoder::encode);
        report("1280x720 encode from RGB q75 (ImageIO)", pictures, image -> ImageIoJobs.encode(image, 75));
        FfmpegCost.report("1280x720 ffmpeg -vf transpose=1 -q:v 2", hd, iterations);
        FfmpegCost.report("1920x1080 ffmpeg -vf transpose=1 -q:v 2", fullHd, iterations);
    }

    /** The picture type camstream draws on (NO SIGNAL, the sim driver's pattern). */
    private static BufferedImage bgr(BufferedImage image) {
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(image, 0, 0, null);
        return bgr;
    }

    private static io.camstream.core.jpeg.PlanarImage planes(byte[] jpeg) {
        return JpegDecoder.decode(jpeg, Scale.FULL, JpegLimits.DEFAULT);
    }

    private List<byte[]> frames(String name, int width, int height) throws IOException {
        double targetKb = 67.0 * width * height / (1280 * 720);
        List<byte[]> frames = new ArrayList<>();
        for (NoisyFrames.Written written : NoisyFrames.write(new FrameOptions(work.resolve(name), 3, width, height,
                targetKb))) {
            frames.add(Files.readAllBytes(written.file()));
        }
        return frames;
    }

    private <T> void report(String job, List<T> inputs, Job<T> body) {
        for (int i = 0; i < iterations; i++) {
            body.run(inputs.get(i % inputs.size()));
        }
        long start = CpuClock.thread();
        for (int i = 0; i < iterations; i++) {
            body.run(inputs.get(i % inputs.size()));
        }
        double micros = (CpuClock.thread() - start) / 1000.0 / iterations;
        System.out.printf(Locale.ROOT, "%-60s %8.2f ms%n", job, micros / 1000);
    }

    @FunctionalInterface
    private interface Job<T> {
        Object run(T input);
    }

    /** Turns an IOException of a job into an unchecked one. */
    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
