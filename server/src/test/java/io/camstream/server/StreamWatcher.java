package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A viewer of one stream, reading it in the background as fast as it comes: every part's arrival, what the counting
 * driver wrote in it, and how the stream ended.
 */
final class StreamWatcher implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * One part as it arrived.
     *
     * @param counted  what the counting driver wrote in it; empty for a NO SIGNAL picture
     * @param nanos    when it had arrived whole
     * @param captured when the camera took it, from its {@code X-Timestamp}, in microseconds since the epoch
     */
    record Arrival(Optional<CountingProvider.Counted> counted, long nanos, long captured) {
    }

    /** How a stream ended. */
    enum End {
        /** with the closing boundary after a last part: the camera was closed */
        CLOSING_BOUNDARY,
        /** without it: the connection was cut */
        CUT
    }

    private final InputStream body;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final CompletableFuture<End> end = new CompletableFuture<>();

    private StreamWatcher(InputStream body) {
        this.body = body;
        Thread.ofVirtual().name("stream-watcher").start(this::read);
    }

    static StreamWatcher open(URI uri) throws IOException, InterruptedException {
        return open(uri, Optional.empty());
    }

    static StreamWatcher open(URI uri, Optional<String> authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("status of " + uri).isEqualTo(200);
        return new StreamWatcher(response.body());
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The part that arrived last, if any came yet. */
    Optional<Arrival> last() {
        return arrivals.isEmpty() ? Optional.empty() : Optional.of(arrivals.getLast());
    }

    /** The parts the counting driver made, leaving out NO SIGNAL pictures. */
    List<CountingProvider.Counted> counted() {
        return arrivals.stream().flatMap(arrival -> arrival.counted().stream()).toList();
    }

    void awaitArrivals(int count) throws InterruptedException {
        int before = arrivals.size();
        Await.until(count + " more parts", Duration.ofSeconds(10), () -> arrivals.size() >= before + count);
    }

    End awaitEnd() throws Exception {
        return end.get(10, TimeUnit.SECONDS);
    }

    boolean ended() {
        return end.isDone();
    }

    private void read() {
        MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
        try {
            while (!reader.ended()) {
                MjpegReader.Part part = reader.next();
                arrivals.add(new Arrival(CountingProvider.read(part.body()), System.nanoTime(),
                        micros(part.headers().get("x-timestamp"))));
            }
            end.complete(End.CLOSING_BOUNDARY);
        } catch (IOException e) {
            end.complete(End.CUT);
        }
    }

    /** {@code 1712345678.123456}: seconds and microseconds. */
    private static long micros(String timestamp) {
        return new BigDecimal(timestamp).movePointRight(6).longValueExact();
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
