package io.camstream.bench.frames;

import io.camstream.spi.JpegSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NoisyFramesTest {

    @Test
    void framesAreJpegsOfTheSizeAskedNearTheTargetWeight(@TempDir Path out) throws Exception {
        List<NoisyFrames.Written> written = NoisyFrames.write(new FrameOptions(out.resolve("new"), 2, 320, 180, 10));

        assertThat(written).extracting(frame -> frame.file().getFileName().toString())
                .containsExactly("frame-001.jpg", "frame-002.jpg");
        for (NoisyFrames.Written frame : written) {
            byte[] jpeg = Files.readAllBytes(frame.file());
            assertThat(JpegSize.read(jpeg)).isEqualTo(new JpegSize(320, 180));
            assertThat(jpeg.length).isEqualTo(frame.bytes()).isCloseTo(10_000, within(1_000));
        }
    }

    @Test
    void framesDifferFromOneAnother(@TempDir Path out) throws Exception {
        List<NoisyFrames.Written> written = NoisyFrames.write(new FrameOptions(out, 2, 64, 48, 2));

        assertThat(Files.readAllBytes(written.get(0).file())).isNotEqualTo(Files.readAllBytes(written.get(1).file()));
    }
}
