package io.camstream.server;

import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Waits for frames of a feed as a viewer in the server's own process sees them, live or NO SIGNAL. */
final class FeedFrames {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private FeedFrames() {
    }

    static List<StreamFrame> live(Viewer viewer, int count) throws InterruptedException {
        List<StreamFrame> frames = new ArrayList<>();
        while (frames.size() < count) {
            frames.add(next(viewer, StreamFrame::live));
        }
        return frames;
    }

    static StreamFrame next(Viewer viewer, Predicate<StreamFrame> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            StreamFrame frame = viewer.next(Duration.ofSeconds(1)).orElse(null);
            if (frame != null && wanted.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("no such frame within " + WAIT.toSeconds() + " s");
    }
}
