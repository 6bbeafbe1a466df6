package io.camstream.bench.attack;

import io.camstream.bench.client.TimedViewer;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The normal viewers of a server under attack, logged in, watching the whole time: two from 127.0.0.1 and one from
 * 127.0.0.2, so that both an address that attacks and one that does not have a viewer to lose.
 */
final class Viewers implements AutoCloseable {

    private static final List<Integer> FROM = List.of(1, 1, 2);
    private static final Duration FIRST_FRAME = Duration.ofSeconds(10);

    private final Target target;
    private final URI stream;
    private final SocketFactory sockets;
    private final List<TimedViewer> watchers = new ArrayList<>();

    private Viewers(Target target, URI stream, SocketFactory sockets) {
        this.target = target;
        this.stream = stream;
        this.sockets = sockets;
    }

    /** Starts the viewers; {@link #awaitFirstFrames()} waits for them to watch. */
    static Viewers start(Target target) throws IOException {
        Camstream server = target.server();
        URI stream = URI.create((server.tls() ? "https" : "http") + "://" + target.user() + ":" + target.password()
                + "@127.0.0.1:" + server.port() + Target.STREAM);
        SocketFactory sockets = server.sockets();
        Viewers viewers = new Viewers(target, stream, sockets);
        for (int from : FROM) {
            viewers.watchers.add(TimedViewer.start(stream, Target.loopback(from), sockets));
        }
        return viewers;
    }

    /** Waits for each viewer's first frame. */
    void awaitFirstFrames() throws InterruptedException {
        long start = System.nanoTime();
        for (TimedViewer watcher : watchers) {
            watcher.awaitFirstFrame(start, FIRST_FRAME);
        }
    }

    Target target() {
        return target;
    }

    List<TimedViewer> watchers() {
        return watchers;
    }

    /**
     * A new viewer, to see that the listener still takes connections and serves them.
     *
     * @param from    where it connects from
     * @param timeout the longest wait for its first frame
     * @return how long its first frame took, or why there was none
     */
    Result firstFrameOfANewViewer(InetAddress from, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        TimedViewer watcher;
        try {
            watcher = TimedViewer.start(stream, from, sockets);
        } catch (IOException e) {
            return new Result(Optional.empty(), e.toString());
        }
        try {
            return new Result(Optional.of(watcher.awaitFirstFrame(start, timeout)), "");
        } catch (IllegalStateException e) {
            return new Result(Optional.empty(), e.getMessage());
        } finally {
            watcher.close();
        }
    }

    /** @param firstFrame how long the first frame took, if one came; @param problem why not */
    record Result(Optional<Duration> firstFrame, String problem) {
    }

    @Override
    public void close() throws InterruptedException {
        for (TimedViewer watcher : watchers) {
            watcher.close();
        }
    }
}
