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
import java.time.temporal.ChronoUnit;
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
        return open(CLIENT, uri, authorization);
    }

    static StreamWatcher open(HttpClient client, URI uri, Optional<String> authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
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

    /**
     * Every frame the counting driver made reached this viewer, in order, and none was more than two frame
     * intervals after the one before: the camera was never paused or restarted (its numbers would start again at 1)
     * and its stream never stalled (a viewer late by more than a frame interval skips to the newest frame, which
     * would leave a number out). The gaps are those of the frames' own times, the {@code X-Timestamp} of each part;
     * when each arrived depends also on how a busy machine schedules the test's reading thread, and is printed.
     *
     * @param interval the camera's frame interval
     */
    void assertEveryFrameInTime(Duration interval) {
        List<Arrival> all = arrivals();
        assertThat(all).allSatisfy(arrival -> assertThat(arrival.counted()).as("a live frame").isPresent());
        List<Long> numbers = counted().stream().map(CountingProvider.Counted::sequence).toList();
        long longestTaken = 0;
        long longestArrival = 0;
        for (int i = 1; i < all.size(); i++) {
            longestTaken = Math.max(longestTaken, all.get(i).captured() - all.get(i - 1).captured());
            longestArrival = Math.max(longestArrival, all.get(i).nanos() - all.get(i - 1).nanos());
        }
        System.out.printf("Frames %d to %d, longest gap %d ms between their times, %d ms between their arrivals%n",
                numbers.getFirst(), numbers.getLast(), longestTaken / 1000, longestArrival / 1_000_000);
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("frame after %d", numbers.get(i - 1)).isEqualTo(numbers.get(i - 1) + 1);
        }
        assertThat(Duration.of(longestTaken, ChronoUnit.MICROS)).as("longest gap between frames")
                .isLessThanOrEqualTo(interval.multipliedBy(2));
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
