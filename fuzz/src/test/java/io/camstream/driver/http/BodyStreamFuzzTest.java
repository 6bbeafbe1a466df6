package io.camstream.driver.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Any sequence of buffers from the HTTP client, read in any mix of reads: the bytes come out complete and in
 * order, one batch is asked for at a time, the end (or the connection's failure, named) comes after the last
 * byte, and a closed stream reads as ended and cancels the exchange.
 */
class BodyStreamFuzzTest {

    private static final String URL = "http://camera.test/video.mjpg";

    @FuzzTest
    void deliversEveryByteInOrder(FuzzedDataProvider data) throws IOException {
        List<List<ByteBuffer>> batches = new ArrayList<>();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        for (int n = data.consumeInt(0, 8); n > 0; n--) {
            List<ByteBuffer> batch = new ArrayList<>();
            for (int k = data.consumeInt(0, 3); k > 0; k--) {
                byte[] bytes = data.consumeBytes(data.consumeInt(0, 300));
                sent.writeBytes(bytes);
                batch.add(ByteBuffer.wrap(bytes));
            }
            batches.add(List.copyOf(batch));
        }
        boolean fails = data.consumeBoolean();
        int closeAfter = data.consumeInt(-1, sent.size());

        BodyStream body = new BodyStream(Duration.ofSeconds(1), URL);
        Upstream upstream = new Upstream(body, batches, fails);
        body.onSubscribe(upstream);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (read.size() < sent.size() && read.size() != closeAfter) {
            readSome(body, data, read);
        }
        if (read.size() == closeAfter) {
            body.close();
            assertThat(upstream.cancelled).isTrue();
            assertThat(body.readAllBytes()).hasSizeLessThanOrEqualTo(sent.size() - read.size());
            return;
        }
        assertThat(read.toByteArray()).isEqualTo(sent.toByteArray());
        if (fails) {
            assertThatThrownBy(body::read).isInstanceOf(IOException.class).hasMessageContaining(URL)
                    .hasMessageContaining("reset by the camera");
        }
        assertThat(body.read(new byte[4], 0, 4)).isEqualTo(-1);
        assertThat(body.read()).isEqualTo(-1);
    }

    private static void readSome(BodyStream body, FuzzedDataProvider data, ByteArrayOutputStream read)
            throws IOException {
        switch (data.consumeInt(0, 2)) {
            case 0 -> {
                int b = body.read();
                assertThat(b).isBetween(0, 255);
                read.write(b);
            }
            case 1 -> {
                byte[] into = new byte[data.consumeInt(1, 400)];
                int offset = data.consumeInt(0, into.length - 1);
                int n = body.read(into, offset, into.length - offset);
                assertThat(n).isBetween(1, into.length - offset);
                read.write(into, offset, n);
            }
            default -> {
                int available = body.available();
                byte[] all = body.readNBytes(available);
                assertThat(all).hasSize(available);
                read.writeBytes(all);
                if (available == 0) {
                    read.write(body.read());
                }
            }
        }
    }

    /** The HTTP client's side: a batch for each request, then the end or a failure. */
    private static final class Upstream implements Flow.Subscription {

        private final BodyStream subscriber;
        private final List<List<ByteBuffer>> batches;
        private final boolean fails;
        private int next;
        private boolean cancelled;

        Upstream(BodyStream subscriber, List<List<ByteBuffer>> batches, boolean fails) {
            this.subscriber = subscriber;
            this.batches = batches;
            this.fails = fails;
        }

        /** Answers at once, as a client with the bytes already in hand would. */
        @Override
        public void request(long n) {
            assertThat(n).as("batches asked for at once").isEqualTo(1);
            assertThat(cancelled).as("asked for more after cancelling").isFalse();
            if (next < batches.size()) {
                subscriber.onNext(batches.get(next++));
            } else if (next++ == batches.size()) {
                if (fails) {
                    subscriber.onError(new IOException("connection reset by the camera"));
                } else {
                    subscriber.onComplete();
                }
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
