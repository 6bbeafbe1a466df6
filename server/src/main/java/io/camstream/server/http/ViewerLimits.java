package io.camstream.server.http;

import io.camstream.core.fanout.CameraFeed;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many streams may run: {@code max-viewers} of each camera and {@code camstream.server-max-viewers} in all.
 * Only streams take a seat; snapshots, the page, health and the API never wait for one, so they keep working when
 * every seat is taken. Over a limit the answer is 503 with {@code Retry-After} and the reason.
 */
public final class ViewerLimits {

    private static final String RETRY_AFTER_SECONDS = "10";

    private volatile int serverMax;
    private final AtomicInteger streams = new AtomicInteger();
    private final Map<String, AtomicInteger> byCamera = new ConcurrentHashMap<>();

    /**
     * Creates the limits.
     *
     * @param serverMax the most streams in all; 0 for no limit
     */
    public ViewerLimits(int serverMax) {
        this.serverMax = serverMax;
    }

    /**
     * Limits the streams in all otherwise from now on; streams running over the new limit go on.
     *
     * @param max the most streams in all; 0 for no limit
     */
    public void serverMax(int max) {
        serverMax = max;
    }

    /**
     * Takes a seat for a stream of a camera, or answers 503 when there is none.
     *
     * @param feed the camera
     * @param res  the response, answered when refused
     * @return the seat, to close when the stream ends; empty when refused
     */
    Optional<Seat> admit(CameraFeed feed, ServerResponse res) {
        AtomicInteger camera = byCamera.computeIfAbsent(feed.name(), n -> new AtomicInteger());
        int cameraMax = feed.settings().maxViewers();
        int max = serverMax;
        if (!take(streams, max)) {
            refuse(res, "The server already sends its maximum of " + max + " streams "
                    + "(camstream.server-max-viewers); try again later\n");
            return Optional.empty();
        }
        if (!take(camera, cameraMax)) {
            streams.decrementAndGet();
            refuse(res, "Camera '" + feed.name() + "' already has its maximum of " + cameraMax + " viewers "
                    + "(max-viewers); try again later\n");
            return Optional.empty();
        }
        return Optional.of(new Seat(camera));
    }

    /**
     * Streams running now.
     *
     * @return the count
     */
    public int streams() {
        return streams.get();
    }

    private static boolean take(AtomicInteger count, int max) {
        if (max <= 0) {
            count.incrementAndGet();
            return true;
        }
        for (int now = count.get(); now < max; now = count.get()) {
            if (count.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Answers 503 with {@code Retry-After} and the reason, as for a stream over a limit. */
    static void refuse(ServerResponse res, String reason) {
        res.status(Status.SERVICE_UNAVAILABLE_503)
                .header(HeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .send(reason);
    }

    /** One stream's place; closing it frees the place. */
    final class Seat implements AutoCloseable {

        private final AtomicInteger camera;
        private boolean closed;

        private Seat(AtomicInteger camera) {
            this.camera = camera;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                camera.decrementAndGet();
                streams.decrementAndGet();
            }
        }
    }
}
