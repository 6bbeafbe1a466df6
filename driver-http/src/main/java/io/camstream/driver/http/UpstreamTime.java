package io.camstream.driver.http;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * The capture time an upstream states in {@code X-Timestamp} (epoch seconds with a fraction, as mjpg-streamer,
 * µStreamer and camstream send it), so that relaying does not make a picture look younger than it is.
 */
final class UpstreamTime {

    private static final int MAX_DIGITS = 12;

    private UpstreamTime() {
    }

    static Instant of(Optional<String> header) {
        return header.flatMap(UpstreamTime::parse).orElseGet(Instant::now);
    }

    static Instant of(HttpHeaders headers) {
        return of(headers.firstValue("X-Timestamp"));
    }

    private static Optional<Instant> parse(String text) {
        try {
            BigDecimal seconds = new BigDecimal(text.trim());
            // "1e11000000" would take minutes to turn into whole seconds; epoch seconds have 10 digits for ages.
            if (seconds.signum() <= 0 || seconds.precision() - seconds.scale() > MAX_DIGITS) {
                return Optional.empty();
            }
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Optional.of(Instant.ofEpochSecond(whole, nanos));
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
