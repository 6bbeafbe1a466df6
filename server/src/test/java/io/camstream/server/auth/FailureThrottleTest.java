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
        InetAddress guesser = InetAddress.getByName("192.0.2.1");
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
    void failuresSpreadOverMoreThanAMinuteDoNotBlock() throws Exception {
        InetAddress typist = InetAddress.getByName("192.0.2.2");
        for (int i = 0; i < 30; i++) {
            throttle.failed(typist);
            now.addAndGet(Duration.ofSeconds(10).toNanos());
        }
        assertThat(throttle.blockedFor(typist)).isZero();
    }

    @Test
    void remembersAtMostItsCapacityOfAddresses() throws Exception {
        for (int i = 0; i < 1000; i++) {
            throttle.failed(InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i}));
        }
        assertThat(throttle.remembered()).isEqualTo(100);
    }
}
