package io.camstream.core.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A viewer's stream loop on a thread of its own, as the server runs it: it takes frames with {@link Viewer#next()}
 * and notes each with the clock's time, until the fan-out closes. The test moves the clock only while the thread is
 * parked, so every frame is taken at a known time.
 */
final class WatchingThread implements AutoCloseable {

    /** A frame the viewer got, and when by the feed's clock. */
    record Delivery(Duration at, long serial) {
    }

    private static final Duration LIMIT = Duration.ofSeconds(10);

    // Lock-free, so that noting a frame never parks the thread and fools awaitParked().
    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final Thread thread;

    WatchingThread(Viewer viewer, ManualClock clock) {
        this.thread = Thread.ofVirtual().start(() -> {
            try (viewer) {
                for (Optional<StreamFrame> frame = viewer.next(); frame.isPresent(); frame = viewer.next()) {
                    deliveries.add(new Delivery(clock.elapsed(), frame.get().serial()));
                }
            } catch (InterruptedException e) {
                // closed by the test
            }
        });
    }

    /** Waits until the viewer is waiting for something: a frame, a beat, its due time. */
    void awaitParked() throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            assertThat(state).as("the viewer's thread").isNotEqualTo(Thread.State.TERMINATED);
            assertThat(System.nanoTime()).as("the viewer parks within %s", LIMIT).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    /** Waits for the viewer to take a frame. */
    Delivery awaitDelivery() throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Delivery delivery;
        while ((delivery = deliveries.poll()) == null) {
            assertThat(System.nanoTime()).as("a frame within %s", LIMIT).isLessThan(deadline);
            Thread.sleep(1);
        }
        return delivery;
    }

    /** @return what the viewer got since the last call, oldest first */
    List<Delivery> taken() {
        List<Delivery> taken = new ArrayList<>();
        for (Delivery delivery = deliveries.poll(); delivery != null; delivery = deliveries.poll()) {
            taken.add(delivery);
        }
        return taken;
    }

    /** Waits for the stream loop to end, as it must once the fan-out is closed. */
    void awaitEnd() throws InterruptedException {
        assertThat(thread.join(LIMIT)).as("the viewer's stream ended").isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(LIMIT);
    }
}
