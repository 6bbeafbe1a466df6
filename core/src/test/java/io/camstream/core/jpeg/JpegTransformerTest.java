package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Which path each size takes, and what the re-encoding fallback is worth, judged by djpeg and ffmpeg. */
class JpegTransformerTest {

    @BeforeAll
    static void judges() {
        Programs.require("cjpeg", "djpeg", "ffmpeg");
    }

    @Test
    void camerasSizesAreLosslessWhereTheMcusAllow() {
        JpegFrame hd = JpegReader.readHeaders(Pictures.cjpeg(1280, 720, 1, "-sample", "2x2"), JpegLimits.DEFAULT)
                .frame();
        JpegFrame fullHd = JpegReader.readHeaders(Pictures.cjpeg(1920, 1080, 1, "-sample", "2x2"),
                JpegLimits.DEFAULT).frame();
        assertThat(new JpegTransformer(Orientation.ROTATE_90, JpegLimits.DEFAULT).pathFor(hd))
                .isEqualTo(JpegTransformer.Path.LOSSLESS);
        assertThat(new JpegTransformer(Orientation.ROTATE_180, JpegLimits.DEFAULT).pathFor(hd))
                .isEqualTo(JpegTransformer.Path.LOSSLESS);
        // 1080 rows are 67.5 MCUs of 16: the luminance's 135 block rows can be mirrored, the chrominance's 67.5 not.
        assertThat(new JpegTransformer(Orientation.ROTATE_90, JpegLimits.DEFAULT).pathFor(fullHd))
                .isEqualTo(JpegTransformer.Path.PARTLY_LOSSLESS);
        JpegFrame fullHd422 = JpegReader.readHeaders(Pictures.cjpeg(1920, 1080, 1, "-sample", "2x1"),
                JpegLimits.DEFAULT).frame();
        assertThat(new JpegTransformer(Orientation.ROTATE_90, JpegLimits.DEFAULT).pathFor(fullHd422))
                .isEqualTo(JpegTransformer.Path.LOSSLESS);
        assertThat(new JpegTransformer(Orientation.ROTATE_270, JpegLimits.DEFAULT).pathFor(fullHd))
                .isEqualTo(JpegTransformer.Path.LOSSLESS);
        assertThat(new JpegTransformer(Orientation.TRANSPOSE, JpegLimits.DEFAULT).pathFor(fullHd))
                .isEqualTo(JpegTransformer.Path.LOSSLESS);
        assertThat(new JpegTransformer(Orientation.NONE, JpegLimits.DEFAULT).pathFor(fullHd))
                .isEqualTo(JpegTransformer.Path.UNCHANGED);
    }

    @ParameterizedTest
    @EnumSource(Orientation.class)
    void oddSizesAreTurnedByReencodingCloseToTheTurnedPixels(Orientation orientation) {
        byte[] jpeg = Pictures.cjpeg(641, 359, 9, "-sample", "2x2", "-quality", "90", "-restart", "4B");
        JpegTransformer.Result result = new JpegTransformer(orientation, JpegLimits.DEFAULT).transform(jpeg);
        JpegTransformer.Path expected = orientation == Orientation.NONE ? JpegTransformer.Path.UNCHANGED
                : orientation == Orientation.TRANSPOSE ? JpegTransformer.Path.LOSSLESS
                : JpegTransformer.Path.REENCODED;
        assertThat(result.path()).isEqualTo(expected);
        Plane source = Pnm.pgm(Programs.run(jpeg, "djpeg", "-grayscale", "-pnm"));
        Plane turned = Pnm.pgm(Programs.run(result.jpeg(), "djpeg", "-grayscale", "-pnm"));
        assertThat(Pnm.psnr(turned, PlaneTransform.apply(source, orientation))).isGreaterThan(34);
        assertThat(ffmpegSize(result.jpeg())).isEqualTo(orientation.transposes() ? "359x641" : "641x359");
    }

    @Test
    void fullHdTurnedAQuarterKeepsItsLuminanceExactAndReencodesItsChrominance() {
        byte[] jpeg = Pictures.cjpeg(1920, 1080, 4, "-sample", "2x2", "-quality", "80");
        JpegTransformer.Result result = new JpegTransformer(Orientation.ROTATE_90, JpegLimits.DEFAULT).transform(jpeg);
        assertThat(result.path()).isEqualTo(JpegTransformer.Path.PARTLY_LOSSLESS);
        JpegHeaders source = JpegReader.readHeaders(jpeg, JpegLimits.DEFAULT);
        JpegHeaders turned = JpegReader.readHeaders(result.jpeg(), JpegLimits.DEFAULT);
        assertThat(turned.frame().width()).isEqualTo(1080);
        assertThat(turned.frame().height()).isEqualTo(1920);
        assertThat(turned.quantTables()).isEqualTo(LosslessTransform.turnedHeaders(source, Orientation.ROTATE_90)
                .quantTables());
        Plane before = Pnm.pgm(Programs.run(jpeg, "djpeg", "-grayscale", "-pnm"));
        Plane after = Pnm.pgm(Programs.run(result.jpeg(), "djpeg", "-grayscale", "-pnm"));
        // The same coefficients, turned: only the inverse DCT's rounding, rows before columns, may differ.
        assertThat(Pnm.maxDifference(after, PlaneTransform.apply(before, Orientation.ROTATE_90))).isLessThanOrEqualTo(1);
        PlanarImage planesBefore = JpegDecoder.decode(jpeg, Scale.FULL, JpegLimits.DEFAULT);
        PlanarImage planesAfter = JpegDecoder.decode(result.jpeg(), Scale.FULL, JpegLimits.DEFAULT);
        for (int c = 1; c < 3; c++) {
            assertThat(Pnm.psnr(planesAfter.planes()[c], PlaneTransform.apply(planesBefore.planes()[c],
                    Orientation.ROTATE_90))).as("component %d", c).isGreaterThan(28);
        }
        assertThat(ffmpegSize(result.jpeg())).isEqualTo("1080x1920");
    }

    @Test
    void reencodingOnDemandGivesTheSamePictureAsTheLosslessTurn() {
        byte[] jpeg = Pictures.cjpeg(320, 240, 6, "-sample", "2x2", "-quality", "92");
        JpegTransformer transformer = new JpegTransformer(Orientation.ROTATE_270, JpegLimits.DEFAULT);
        JpegTransformer.Result lossless = transformer.transform(jpeg);
        JpegTransformer.Result reencoded = transformer.reencode(jpeg);
        assertThat(lossless.path()).isEqualTo(JpegTransformer.Path.LOSSLESS);
        assertThat(reencoded.path()).isEqualTo(JpegTransformer.Path.REENCODED);
        Plane exact = Pnm.pgm(Programs.run(lossless.jpeg(), "djpeg", "-grayscale", "-pnm"));
        Plane again = Pnm.pgm(Programs.run(reencoded.jpeg(), "djpeg", "-grayscale", "-pnm"));
        assertThat(Pnm.psnr(again, exact)).isGreaterThan(34).isLessThan(Double.POSITIVE_INFINITY);
    }

    @Test
    void exifIsDroppedCommentsAndJfifKeptInTheirOrder() {
        byte[] jpeg = withSegment(withSegment(Pictures.cjpeg(64, 48, 2, "-sample", "2x2"), 0xE1,
                "Exif\0\0orientation 6"), 0xFE, "made by a test");
        byte[] turned = new JpegTransformer(Orientation.ROTATE_180, JpegLimits.DEFAULT).transform(jpeg).jpeg();
        assertThat(JpegReader.readHeaders(turned, JpegLimits.DEFAULT).segments())
                .extracting(Segment::marker)
                .containsExactly(0xFE, 0xE0);
    }

    private static byte[] withSegment(byte[] jpeg, int marker, String text) {
        byte[] payload = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The size ffmpeg decodes a JPEG to, as WxH. */
    static String ffmpegSize(byte[] jpeg) {
        String probe = new String(Programs.run(jpeg, "ffprobe", "-v", "error", "-select_streams", "v:0",
                "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x", "-"), StandardCharsets.US_ASCII);
        Programs.run(jpeg, "ffmpeg", "-v", "error", "-xerror", "-i", "-", "-f", "null", "-");
        return probe.trim();
    }
}
