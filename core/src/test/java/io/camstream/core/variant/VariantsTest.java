package io.camstream.core.variant;

import io.camstream.core.fanout.FeedClock;
import io.camstream.core.fanout.FrameFanout;
import io.camstream.core.fanout.FrameSlot;
import io.camstream.core.fanout.PictureSettings;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;
import io.camstream.core.fanout.ViewerOptions;
import io.camstream.spi.Frame;
import io.camstream.spi.JpegSize;
import io.camstream.spi.Orientation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A camera's variants, fed by publishing frames into the camera's fan-out by hand: each variant is encoded once per
 * camera frame for all its viewers, only while wanted, at the widths offered and no more variants than allowed.
 */
class VariantsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final VariantSpec SMALL = new VariantSpec(320, 75);

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final FeedClock clock = FeedClock.system(timers);
    private final FrameFanout camera = new FrameFanout(clock, 30, frames -> { });
    private final AtomicInteger pictureWidth = new AtomicInteger(1280);
    private final Variants variants = new Variants("desk", camera.slot(), clock, 30,
            new PictureSettings(Orientation.NONE, new JpegSize(1280, 720), false, List.of(160, 320, 640, 1280), 2),
            pictureWidth::get, frames -> { });
    private final List<Viewer> viewers = new ArrayList<>();
    private long sequence;

    @AfterEach
    void tearDown() {
        viewers.forEach(Viewer::close);
        variants.close();
        camera.close();
        timers.shutdownNow();
    }

    @Test
    void fiveViewersOfAVariantShareOneEncodeOfEachCameraFrameThatDecodesAtItsWidth() throws Exception {
        List<Viewer> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(viewerOf(SMALL));
        }
        for (int n = 0; n < 10; n++) {
            Frame published = publish();
            for (Viewer viewer : five) {
                Frame taken = viewer.next(WAIT).orElseThrow().frame();
                assertThat(taken.sequence()).as("the variant of the frame just published").isEqualTo(sequence);
                assertThat(taken.captureTime()).isEqualTo(published.captureTime());
                BufferedImage picture = Gradients.decode(taken.jpeg());
                assertThat(picture.getWidth() + "x" + picture.getHeight()).isEqualTo("320x180");
                assertThat(taken.width() + "x" + taken.height()).isEqualTo("320x180");
                assertThat(red(picture, 10, 90)).as("red at the left, as the camera's frame").isGreaterThan(200);
                assertThat(red(picture, 310, 90)).as("blue at the right").isLessThan(60);
            }
        }
        assertThat(variants.states()).singleElement().satisfies(state -> {
            assertThat(state.viewers()).isEqualTo(5);
            assertThat(state.framesEncoded()).as("once per camera frame, not per viewer").isEqualTo(10);
            assertThat(state.width()).isEqualTo(320);
            assertThat(state.height()).isEqualTo(180);
            assertThat(state.encodeMillis()).isGreaterThan(0);
        });
        assertThat(variants.framesEncoded()).isEqualTo(10);
    }

    @Test
    void nothingIsEncodedForAVariantNobodyWantsAndItIsDroppedWithItsLastViewer() throws Exception {
        publish();
        publish();
        assertThat(variants.count()).isZero();
        assertThat(encoderThreads()).isEmpty();

        Viewer first = viewerOf(SMALL);
        Viewer second = viewerOf(SMALL);
        assertThat(first.next(WAIT)).as("the camera's newest frame, encoded when the variant starts").isPresent();
        assertThat(encoderThreads()).hasSize(1);
        first.close();
        assertThat(variants.count()).as("one viewer is still there").isEqualTo(1);
        second.close();
        assertThat(variants.count()).isZero();
        assertThat(variants.states()).isEmpty();
        for (Thread encoder : encoderThreads()) {
            encoder.join(WAIT);
        }
        assertThat(encoderThreads()).as("the encoder thread ends with the variant").isEmpty();

        long encoded = variants.framesEncoded();
        publish();
        publish();
        assertThat(variants.framesEncoded()).as("frames after the last viewer left").isEqualTo(encoded);
    }

    @Test
    void onlyWidthsOfTheLadderNarrowerThanThePictureAreOfferedAndOthersAreRefusedNamingThem() {
        pictureWidth.set(640);
        assertThat(variants.widths()).containsExactly(160, 320);
        assertThat(variants.problem(new VariantSpec(320, 40))).isEmpty();
        assertThat(variants.problem(new VariantSpec(VariantSpec.FULL_WIDTH, 40))).as("quality alone").isEmpty();
        assertThat(variants.problem(new VariantSpec(640, 75))).contains(
                "width=640 is not offered by camera desk (allowed: 160, 320)");
        assertThatThrownBy(() -> variants.join(new VariantSpec(500, 75)))
                .isInstanceOfSatisfying(VariantRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(VariantRefusedException.Reason.NOT_OFFERED))
                .hasMessage("width=500 is not offered by camera desk (allowed: 160, 320)");

        pictureWidth.set(160);
        assertThat(variants.widths()).isEmpty();
        assertThat(variants.problem(SMALL)).contains("width=320 is not offered by camera desk (allowed: none: the"
                + " picture of camera desk is 160 pixels wide, not wider than any of its variant-widths"
                + " [160, 320, 640, 1280])");
        assertThat(encoderThreads()).as("a refused variant starts nothing").isEmpty();
    }

    @Test
    void atMostMaxVariantsRunAndAnotherIsRefusedUntilOneIsDropped() {
        Viewer small = viewerOf(SMALL);
        viewerOf(new VariantSpec(160, 50));
        assertThatThrownBy(() -> variants.join(new VariantSpec(640, 75)))
                .isInstanceOfSatisfying(VariantRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(VariantRefusedException.Reason.LIMIT))
                .hasMessage("camera desk already encodes 2 variants (max-variants 2): 320 q75, 160 q50; ask for one"
                        + " of those, or try again later");
        viewerOf(SMALL);
        assertThat(variants.count()).as("a variant already running is shared, not counted again").isEqualTo(2);

        small.close();
        assertThat(variants.count()).as("the 320 variant still has a viewer").isEqualTo(2);
        viewers.get(2).close();
        viewerOf(new VariantSpec(640, 75));
        assertThat(variants.states()).extracting(VariantState::spec)
                .containsExactly(new VariantSpec(160, 50), new VariantSpec(640, 75));
    }

    @Test
    void aBusyEncoderTakesTheNewestFrameAndCountsTheOnesItSkipped() throws Exception {
        Viewer viewer = viewerOf(SMALL);
        publish();
        assertThat(viewer.next(WAIT).orElseThrow().frame().sequence()).isEqualTo(1);
        for (int n = 0; n < 30; n++) {
            publish();
        }
        long last = 0;
        while (last < sequence) {
            last = viewer.next(WAIT).orElseThrow().frame().sequence();
        }
        VariantState state = variants.states().getFirst();
        assertThat(last).as("the newest camera frame is encoded in the end").isEqualTo(31);
        assertThat(state.framesEncoded() + state.framesSkipped()).as("every camera frame encoded or skipped")
                .isEqualTo(31);
    }

    @Test
    void aFrameTheCameraSentAgainIsConfirmedByTheVariantWithoutAnotherEncode() throws Exception {
        Viewer viewer = viewerOf(SMALL);
        publish();
        StreamFrame encoded = viewer.next(WAIT).orElseThrow();
        FrameSlot variantSlot = viewer.source();
        long updates = variantSlot.updates();

        camera.confirm();
        FrameSlot.Update confirmed = variantSlot.awaitUpdateAfter(updates, WAIT).orElseThrow();
        assertThat(confirmed.frame()).as("the variant's last frame, confirmed for snapshots").isSameAs(encoded);
        assertThat(variants.framesEncoded()).isEqualTo(1);
    }

    @Test
    void aVariantOfQualityAloneKeepsThePictureWidth() throws Exception {
        Viewer viewer = viewerOf(new VariantSpec(VariantSpec.FULL_WIDTH, 20));
        Frame source = publish();
        Frame taken = viewer.next(WAIT).orElseThrow().frame();
        assertThat(Gradients.decode(taken.jpeg()).getWidth()).isEqualTo(1280);
        assertThat(taken.size()).as("quality 20 against ImageIO's 75").isLessThan(source.size());
    }

    private Viewer viewerOf(VariantSpec spec) {
        Viewer viewer = variants.join(spec).viewer(ViewerOptions.INTERNAL, 0, v -> variants.leave(spec));
        viewers.add(viewer);
        return viewer;
    }

    private Frame publish() {
        Frame frame = Gradients.frame(1280, 720, ++sequence);
        camera.publish(frame, true);
        return frame;
    }

    private static int red(BufferedImage picture, int x, int y) {
        return (picture.getRGB(x, y) >> 16) & 0xFF;
    }

    private static List<Thread> encoderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("variant-desk-") && t.isAlive())
                .toList();
    }
}
