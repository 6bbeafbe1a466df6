package io.camstream.server.auth;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class FailureThrottleTest {

    private final AtomicLong now = new AtomicLong();
    private final FailureThrottle throttle = new FailureThrottle(10, Duration.ofMinutes(1), Duration.ofMinutes(1), 100,
            now::get);

    @Test
    void blocksForAMinuteAfterTenFailuresWithinAMinuteThenForgets() throws Exception {
        FailureThrottle.Attempt guesser = attempt("192.0.2.1", "alice");
        for (int i = 0; i < 9; i++) {
            throttle.failed(guesser);
        }
        assertThat(throttle.blockedFor(guesser)).isZero();
        throttle.failed(guesser);
        assertThat(throttle.blockedFor(guesser)).isEqualTo(Duration.ofMinutes(1));
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(throttle.blockedFor(guesser)).isZero();
    }

    @Test
    void blocksOnlyThatUserNameFromThatAddress() throws Exception {
        for (int i = 0; i < 10; i++) {
            throttle.failed(attempt("192.0.2.1", "alice"));
        }
        assertThat(throttle.blockedFor(attempt("192.0.2.1", "alice"))).isPositive();
        assertThat(throttle.blockedFor(attempt("192.0.2.9", "alice"))).as("alice from elsewhere").isZero();
        assertThat(throttle.blockedFor(attempt("192.0.2.1", "bob"))).as("bob from the guesser's address").isZero();
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotBlock() throws Exception {
        FailureThrottle.Attempt typist = attempt("192.0.2.2", "alice");
        for (int i = 0; i < 30; i++) {
            throttle.failed(typist);
            now.addAndGet(Duration.ofSeconds(10).toNanos());
        }
        assertThat(throttle.blockedFor(typist)).isZero();
    }

    @Test
    void remembersAtMostItsCapacityOfAddressesAndNames() throws Exception {
        for (int i = 0; i < 1000; i++) {
            InetAddress address = InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i});
            throttle.failed(new FailureThrottle.Attempt(address, "alice"));
            throttle.failed(new FailureThrottle.Attempt(address, "user" + i));
        }
        assertThat(throttle.remembered()).isEqualTo(100);
    }

    private static FailureThrottle.Attempt attempt(String address, String user) throws Exception {
        return new FailureThrottle.Attempt(InetAddress.getByName(address), user);
    }
}
