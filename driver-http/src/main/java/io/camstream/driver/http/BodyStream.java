package io.camstream.driver.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as a blocking stream with a read timeout, which {@code BodySubscribers.ofInputStream()}
 * lacks. The client is asked for one batch of buffers at a time, so at most two batches are held however fast the
 * upstream sends; closing cancels the exchange, which closes the connection, and wakes a blocked reader.
 */
final class BodyStream extends InputStream implements HttpResponse.BodySubscriber<BodyStream> {

    /** Marks the end of the body; a list of its own, so that no batch from the client can be mistaken for it. */
    private static final List<ByteBuffer> END = List.of(ByteBuffer.allocate(0));

    private final LinkedBlockingQueue<List<ByteBuffer>> batches = new LinkedBlockingQueue<>();
    private final Duration readTimeout;
    private final String source;
    private volatile Flow.Subscription subscription;
    private volatile Throwable failure;
    private volatile boolean closed;
    private Iterator<ByteBuffer> batch = List.<ByteBuffer>of().iterator();
    private ByteBuffer current = ByteBuffer.allocate(0);
    private boolean ended;

    BodyStream(Duration readTimeout, String source) {
        this.readTimeout = readTimeout;
        this.source = source;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        batches.offer(item);
    }

    @Override
    public void onError(Throwable error) {
        failure = error;
        batches.offer(END);
    }

    @Override
    public void onComplete() {
        batches.offer(END);
    }

    @Override
    public CompletionStage<BodyStream> getBody() {
        return CompletableFuture.completedStage(this);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        if (!advance()) {
            return -1;
        }
        int n = Math.min(length, current.remaining());
        current.get(into, offset, n);
        return n;
    }

    @Override
    public int available() {
        return current.remaining();
    }

    /** Cancels the exchange; a read blocked in another thread returns end of stream. */
    @Override
    public void close() {
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        batches.offer(END);
    }

    private boolean advance() throws IOException {
        while (!current.hasRemaining()) {
            if (batch.hasNext()) {
                current = batch.next();
                continue;
            }
            if (ended || closed) {
                return false;
            }
            List<ByteBuffer> next = take();
            if (next == END) {
                ended = true;
                Throwable error = failure;
                if (error != null && !closed) {
                    throw new IOException("the connection to " + source + " failed: " + message(error), error);
                }
                return false;
            }
            batch = next.iterator();
            subscription.request(1);
        }
        return true;
    }

    private List<ByteBuffer> take() throws IOException {
        try {
            List<ByteBuffer> next = batches.poll(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new SocketTimeoutException(source + " sent nothing for " + readTimeout.toMillis()
                        + " ms (read-timeout)");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading " + source + " was interrupted");
        }
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
