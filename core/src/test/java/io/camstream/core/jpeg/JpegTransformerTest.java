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
        // 1080 rows are 67.5 MCUs of 16: mirroring the rows cannot be done on blocks.
        assertThat(new JpegTransformer(Orientation.ROTATE_90, JpegLimits.DEFAULT).pathFor(fullHd))
                .isEqualTo(JpegTransformer.Path.REENCODED);
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
    void fullHdTurnedAQuarterIsReencodedWithItsOwnTables() {
        byte[] jpeg = Pictures.cjpeg(1920, 1080, 4, "-sample", "2x2", "-quality", "80");
        JpegTransformer.Result result = new JpegTransformer(Orientation.ROTATE_90, JpegLimits.DEFAULT).transform(jpeg);
        assertThat(result.path()).isEqualTo(JpegTransformer.Path.REENCODED);
        JpegHeaders source = JpegReader.readHeaders(jpeg, JpegLimits.DEFAULT);
        JpegHeaders turned = JpegReader.readHeaders(result.jpeg(), JpegLimits.DEFAULT);
        assertThat(turned.frame().width()).isEqualTo(1080);
        assertThat(turned.frame().height()).isEqualTo(1920);
        assertThat(turned.quantTables()[0]).isEqualTo(LosslessTransform.turnedHeaders(source, Orientation.ROTATE_90)
                .quantTables()[0]);
        Plane before = Pnm.pgm(Programs.run(jpeg, "djpeg", "-grayscale", "-pnm"));
        Plane after = Pnm.pgm(Programs.run(result.jpeg(), "djpeg", "-grayscale", "-pnm"));
        assertThat(Pnm.psnr(after, PlaneTransform.apply(before, Orientation.ROTATE_90))).isGreaterThan(38);
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
