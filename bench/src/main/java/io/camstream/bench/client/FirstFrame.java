package io.camstream.bench.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a server that is starting: connects again and again until it answers, then reads its stream until the
 * first complete, valid frame.
 */
public final class FirstFrame {

    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private FirstFrame() {
    }

    /**
     * Waits for the first frame of a stream.
     *
     * @param url        the stream
     * @param sinceNanos a {@link System#nanoTime()} to measure from, such as the launch of the server
     * @param timeout    the longest wait from {@code sinceNanos}
     * @return the time from {@code sinceNanos} to the first valid frame's last byte
     * @throws IllegalStateException when no frame came in time, or the stream is not MJPEG
     * @throws InterruptedException  when interrupted
     */
    public static Duration await(URI url, long sinceNanos, Duration timeout) throws InterruptedException {
        InetSocketAddress address = LoadGenerator.address(url);
        ByteBuffer requestBuffer = LoadGenerator.request(url);
        byte[] request = new byte[requestBuffer.remaining()];
        requestBuffer.get(request);
        long deadline = sinceNanos + timeout.toNanos();
        String lastProblem = "no answer";
        while (System.nanoTime() - deadline < 0) {
            try (Socket socket = new Socket()) {
                socket.connect(address, (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                long received = readFirstFrame(socket, request, deadline);
                if (received != 0) {
                    return Duration.ofNanos(received - sinceNanos);
                }
                lastProblem = "the stream ended before a valid frame";
            } catch (ConnectException e) {
                lastProblem = "connection refused";
            } catch (IOException | StreamFormatException e) {
                lastProblem = e.toString();
            }
            TimeUnit.NANOSECONDS.sleep(RETRY_NANOS);
        }
        throw new IllegalStateException("no frame from " + url + " within " + timeout.toMillis() + " ms: " + lastProblem);
    }

    /** Returns the nano time of the first valid frame's last byte, or 0 when the stream ended or time ran out. */
    private static long readFirstFrame(Socket socket, byte[] request, long deadline) throws IOException {
        socket.getOutputStream().write(request);
        long[] firstValid = {0};
        StreamParser parser = new StreamParser((size, valid, timestampMicros) -> {
            if (valid && firstValid[0] == 0) {
                firstValid[0] = System.nanoTime();
            }
        });
        socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        byte[] bytes = new byte[64 * 1024];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        InputStream in = socket.getInputStream();
        while (firstValid[0] == 0) {
            int n = in.read(bytes);
            if (n < 0) {
                return 0;
            }
            parser.accept(buffer, 0, n);
        }
        return firstValid[0];
    }
}
