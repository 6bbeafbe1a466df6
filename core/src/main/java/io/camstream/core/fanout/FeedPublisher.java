package io.camstream.core.fanout;

import io.camstream.core.image.NoSignalImage;
import io.camstream.spi.Frame;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where a capture's frames enter the fan-out: camera pictures as they come, shown first to the feed's taps, and
 * while the camera has no signal a generated NO SIGNAL picture (camera name, reason, time) at the size of its last
 * picture. A frame the camera sent again unchanged only confirms the newest one, for snapshots; taps do not see it.
 */
final class FeedPublisher implements FrameSink {

    private static final System.Logger LOGGER = System.getLogger(FeedPublisher.class.getName());

    private final String camera;
    private final List<FrameTap> taps = new CopyOnWriteArrayList<>();
    private final FrameFanout fanout;
    private final CameraStats stats;
    private long noSignalSequence;

    FeedPublisher(String camera, FrameFanout fanout, CameraStats stats) {
        this.camera = camera;
        this.fanout = fanout;
        this.stats = stats;
    }

    void addTap(FrameTap tap) {
        taps.add(tap);
    }

    void removeTap(FrameTap tap) {
        taps.remove(tap);
    }

    @Override
    public void frame(Frame frame) {
        for (FrameTap tap : taps) {
            try {
                tap.frame(frame);
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.WARNING, "A frame tap of camera " + camera + " failed", e);
            }
        }
        fanout.publish(frame, true);
        stats.captured(frame);
    }

    @Override
    public void unchanged() {
        fanout.confirm();
        stats.unchanged();
    }

    @Override
    public void noSignal(String reason) {
        Instant now = Instant.now();
        int width = stats.width();
        int height = stats.height();
        byte[] jpeg = NoSignalImage.render(camera, reason, now, width, height);
        fanout.publish(new Frame(jpeg, ++noSignalSequence, now, width, height), false);
        stats.noSignal();
    }
}
