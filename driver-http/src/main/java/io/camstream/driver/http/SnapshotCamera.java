package io.camstream.driver.http;

import io.camstream.spi.Camera;
import io.camstream.spi.Frame;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Polls a JPEG URL at the configured rate. A connection kept alive between polls belongs to this capture and is
 * closed with it.
 */
final class SnapshotCamera implements Camera {

    private final HttpSettings settings;
    private final Upstream upstream;
    private final long periodNanos;
    private final CountDownLatch closed = new CountDownLatch(1);
    private long nextDue = System.nanoTime();
    private long sequence;

    SnapshotCamera(HttpSettings settings) {
        this.settings = settings;
        this.upstream = new Upstream(settings);
        this.periodNanos = Duration.ofSeconds(1).toNanos() / settings.fps();
    }

    @Override
    public Frame nextFrame() throws IOException, InterruptedException {
        long wait = nextDue - System.nanoTime();
        if (wait > 0 && closed.await(wait, TimeUnit.NANOSECONDS)) {
            throw new InterruptedException("the http camera was closed");
        }
        nextDue = Math.max(nextDue + periodNanos, System.nanoTime());
        HttpResponse<BodyStream> response = upstream.get();
        try (BodyStream body = response.body()) {
            long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (announced > settings.maxFrameBytes()) {
                throw tooBig(announced + " bytes");
            }
            byte[] jpeg = body.readNBytes(settings.maxFrameBytes() + 1);
            if (jpeg.length > settings.maxFrameBytes()) {
                throw tooBig("more than " + settings.maxFrameBytes() + " bytes");
            }
            return JpegCheck.frame(jpeg, ++sequence, UpstreamTime.of(response.headers()));
        } catch (IllegalArgumentException e) {
            throw new IOException(upstream.url() + " did not answer with a JPEG picture: " + e.getMessage());
        }
    }

    @Override
    public Map<String, String> details() {
        return Map.of("url", upstream.url(), "mode", HttpSettings.SNAPSHOT, "fps", String.valueOf(settings.fps()));
    }

    @Override
    public void close() {
        closed.countDown();
        upstream.close();
    }

    private IOException tooBig(String size) {
        return new IOException(upstream.url() + " sent a snapshot of " + size + ", more than max-frame-bytes ("
                + settings.maxFrameBytes() + ")");
    }
}
