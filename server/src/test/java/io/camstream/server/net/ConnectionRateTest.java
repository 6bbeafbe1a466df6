package io.camstream.server.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The allowance of new connections per client, on a clock the test sets. */
class ConnectionRateTest {

    private static final long MS = Duration.ofMillis(1).toNanos();
    private final ConnectionRate rate = new ConnectionRate();

    @Test
    void twoSecondsWorthAtOnceThenOneMorePerIntervalAndOtherClientsApart() throws Exception {
        ClientAddress one = client("192.0.2.1");
        ClientAddress other = client("192.0.2.2");
        long start = 1_000_000 * MS;
        for (int i = 0; i < 10; i++) {
            assertThat(rate.take(one, 5, start)).as("connection %d of the burst", i + 1).isTrue();
        }
        assertThat(rate.take(one, 5, start)).as("the 11th at once").isFalse();
        assertThat(rate.take(one, 5, start + 199 * MS)).as("before the next 200 ms interval").isFalse();
        assertThat(rate.take(other, 5, start)).as("another client").isTrue();

        assertThat(rate.take(one, 5, start + 200 * MS)).as("one interval later").isTrue();
        assertThat(rate.take(one, 5, start + 200 * MS)).isFalse();
        // a refused connection costs nothing: the next interval still gives one
        assertThat(rate.take(one, 5, start + 400 * MS)).isTrue();
    }

    @Test
    void aClientIsForgottenOnceItsAllowanceIsWholeAgain() throws Exception {
        ClientAddress one = client("192.0.2.1");
        long start = 5_000 * MS;
        rate.take(one, 5, start);
        rate.take(one, 5, start);
        rate.forgetWhole(start + 399 * MS);
        assertThat(rate.clients()).isEqualTo(1);
        rate.forgetWhole(start + 400 * MS);
        assertThat(rate.clients()).isZero();
        for (int i = 0; i < 10; i++) {
            assertThat(rate.take(one, 5, start + 400 * MS)).as("a whole burst again").isTrue();
        }
    }

    @Test
    void noRateIsNoLimitAndKeepsNothing() throws Exception {
        ClientAddress one = client("192.0.2.1");
        for (int i = 0; i < 10_000; i++) {
            assertThat(rate.take(one, 0, 0)).isTrue();
        }
        assertThat(rate.clients()).isZero();
    }

    private static ClientAddress client(String address) throws Exception {
        return ClientAddress.of(InetAddress.getByName(address));
    }
}
