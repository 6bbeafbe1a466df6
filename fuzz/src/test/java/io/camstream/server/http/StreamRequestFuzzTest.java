package io.camstream.server.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.camstream.core.fanout.FeedClock;
import io.camstream.core.fanout.FrameSlot;
import io.camstream.core.fanout.PictureSettings;
import io.camstream.core.variant.VariantSpec;
import io.camstream.core.variant.Variants;
import io.camstream.spi.JpegSize;
import io.camstream.spi.Orientation;
import io.helidon.common.uri.UriQuery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any query string on a stream URL, decoded by Helidon as the server does: it is served with an fps cap within the
 * camera's rate (or none) and a variant of the camera's ladder (or none), or refused with a reason that names the
 * parameter.
 */
class StreamRequestFuzzTest {

    private static final int CAMERA_FPS = 30;
    private static final List<Integer> LADDER = List.of(160, 320, 640, 1280);
    /** A 1280 px camera's variants; asking for one only checks it, so nothing ever runs. */
    private static final Variants VARIANTS = new Variants("fuzz", new FrameSlot(),
            FeedClock.system(Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory())),
            CAMERA_FPS, new PictureSettings(Orientation.NONE, new JpegSize(1280, 720), false, LADDER, 4),
            () -> 1280, frames -> { });

    @FuzzTest
    void servesOrRefusesAnyQuery(byte[] data) {
        UriQuery query = UriQuery.create(new String(data, StandardCharsets.ISO_8859_1));
        try {
            StreamRequest request = StreamRequest.of(query, CAMERA_FPS, "/127.0.0.1:5000", VARIANTS);
            double fps = request.viewer().maxFps();
            assertThat(fps == 0 || fps > 0 && fps <= CAMERA_FPS).as("fps cap %s", fps).isTrue();
            assertThat(request.viewer().remoteAddress()).contains("/127.0.0.1:5000");
            request.viewer().variant().ifPresent(variant -> {
                assertThat(variant.width()).as("a width of the ladder below 1280")
                        .isIn(VariantSpec.FULL_WIDTH, 160, 320, 640);
                assertThat(variant.quality()).isBetween(1, 100);
            });
        } catch (StreamRequest.Invalid refused) {
            assertThat(refused.getMessage())
                    .containsAnyOf("fps", "advance_headers", "dual_final_frames", "width", "quality");
        }
    }
}
