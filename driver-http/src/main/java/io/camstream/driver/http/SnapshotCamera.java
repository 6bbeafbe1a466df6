package io.camstream.driver.http;

import io.camstream.spi.Camera;
import io.camstream.spi.Frame;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
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
            return picture(body, response.headers(), settings.maxFrameBytes(), ++sequence, upstream.url());
        }
    }

    /**
     * What a snapshot's answer must be: no more than {@code max-frame-bytes}, announced or sent, and one whole JPEG.
     *
     * @param body          the answer's body; read up to one byte past the limit
     * @param headers       the answer's headers: {@code Content-Length}, {@code X-Timestamp}
     * @param maxFrameBytes the largest picture accepted
     * @param sequence      the frame's number
     * @param url           the snapshot URL, for messages
     * @return the frame
     * @throws IOException when the answer is too big or not a JPEG, or reading it fails
     */
    static Frame picture(InputStream body, HttpHeaders headers, int maxFrameBytes, long sequence, String url)
            throws IOException {
        try {
            long announced = headers.firstValueAsLong("Content-Length").orElse(-1);
            if (announced > maxFrameBytes) {
                throw tooBig(url, announced + " bytes", maxFrameBytes);
            }
            byte[] jpeg = body.readNBytes(maxFrameBytes + 1);
            if (jpeg.length > maxFrameBytes) {
                throw tooBig(url, "more than " + maxFrameBytes + " bytes", maxFrameBytes);
            }
            return JpegCheck.frame(jpeg, sequence, UpstreamTime.of(headers));
        } catch (IllegalArgumentException e) {
            throw new IOException(url + " did not answer with a JPEG picture: " + e.getMessage());
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

    private static IOException tooBig(String url, String size, int maxFrameBytes) {
        return new IOException(url + " sent a snapshot of " + size + ", more than max-frame-bytes ("
                + maxFrameBytes + ")");
    }
}
