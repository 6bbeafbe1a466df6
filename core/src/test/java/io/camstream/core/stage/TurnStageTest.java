package io.camstream.core.stage;

import io.camstream.core.jpeg.JpegTransformer;
import io.camstream.spi.Frame;
import io.camstream.spi.Orientation;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TurnStageTest {

    private final RecordingSink next = new RecordingSink();
    private final TurnCounts counts = new TurnCounts();

    @Test
    void aFrameTurnedByAQuarterIsPassedOnWithItsSizeSwappedAndCountedAsLossless() throws Exception {
        new TurnStage("shelf", Orientation.ROTATE_90, counts, next).frame(frame(jpeg(64, 48, false), 64, 48));

        Frame turned = next.frames.getFirst();
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(turned.jpeg()));
        assertThat(turned.width() + "x" + turned.height()).isEqualTo("48x64");
        assertThat(picture.getWidth() + "x" + picture.getHeight()).isEqualTo("48x64");
        // The source's left half is red: turned clockwise, it is the top half.
        assertThat(new Color(picture.getRGB(24, 8)).getRed()).isGreaterThan(200);
        assertThat(new Color(picture.getRGB(24, 56)).getRed()).isLessThan(60);
        assertThat(turned.sequence()).isEqualTo(7);
        assertThat(turned.captureTime()).isEqualTo(Instant.ofEpochSecond(7));
        assertThat(counts.turned(JpegTransformer.Path.LOSSLESS)).isEqualTo(1);
        assertThat(counts.unturned()).isZero();
    }

    @Test
    void aFrameOfAKindTheToolkitDoesNotReadIsPassedOnAsTheCameraSentItAndCounted() throws Exception {
        byte[] progressive = jpeg(64, 48, true);
        TurnStage stage = new TurnStage("shelf", Orientation.ROTATE_90, counts, next);
        stage.frame(frame(progressive, 64, 48));
        stage.frame(frame(progressive, 64, 48));

        assertThat(next.frames).extracting(Frame::jpeg).containsExactly(progressive, progressive);
        assertThat(next.frames.getFirst().width()).isEqualTo(64);
        assertThat(counts.unturned()).isEqualTo(2);
        assertThat(counts.turned(JpegTransformer.Path.LOSSLESS)).isZero();
    }

    @Test
    void unchangedFramesAndNoSignalPassThrough() {
        TurnStage stage = new TurnStage("shelf", Orientation.ROTATE_180, counts, next);
        stage.unchanged();
        stage.noSignal("unplugged");
        assertThat(next.events).containsExactly("unchanged", "no signal: unplugged");
    }

    private static Frame frame(byte[] jpeg, int width, int height) {
        return new Frame(jpeg, 7, Instant.ofEpochSecond(7), width, height);
    }

    /** Red on the left half, blue on the right. */
    private static byte[] jpeg(int width, int height, boolean progressive) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
