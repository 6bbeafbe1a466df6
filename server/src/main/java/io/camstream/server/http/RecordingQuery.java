package io.camstream.server.http;

import io.helidon.common.parameters.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The query parameters of the recording endpoints, each checked with a message saying what is allowed:
 * {@code limit} and {@code before} for lists, {@code speed} and {@code start} for playback, {@code at} for a
 * snapshot. A time is an offset in seconds from the recording's start ({@code 12.5}) or an ISO-8601 instant.
 */
final class RecordingQuery {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final double MAX_SPEED = 16;

    /** Thrown for a parameter that cannot be served; the message says what is allowed. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** A point in a recording: an offset from its start, or a time. */
    sealed interface Moment permits Offset, At {

        Instant in(Instant recordingStart);
    }

    /** @param offset from the recording's start */
    record Offset(Duration offset) implements Moment {
        @Override
        public Instant in(Instant recordingStart) {
            return recordingStart.plus(offset);
        }
    }

    /** @param time a capture time */
    record At(Instant time) implements Moment {
        @Override
        public Instant in(Instant recordingStart) {
            return time;
        }
    }

    private RecordingQuery() {
    }

    static int limit(Parameters query) throws Invalid {
        Optional<String> text = query.first("limit").asOptional();
        if (text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.get().trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Invalid("limit=" + text.get() + " is not a whole number from 1 to " + MAX_LIMIT);
    }

    /** @return the number below which items are listed; {@link Long#MAX_VALUE} for the newest */
    static long before(Parameters query) throws Invalid {
        Optional<String> text = query.first("before").asOptional();
        if (text.isEmpty()) {
            return Long.MAX_VALUE;
        }
        try {
            long before = Long.parseLong(text.get().trim());
            if (before >= 1) {
                return before;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Invalid("before=" + text.get() + " is not a positive whole number (an id from the list)");
    }

    static double speed(Parameters query) throws Invalid {
        Optional<String> text = query.first("speed").asOptional();
        if (text.isEmpty()) {
            return 1;
        }
        try {
            double speed = Double.parseDouble(text.get().trim());
            if (speed > 0 && speed <= MAX_SPEED) {
                return speed;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Invalid("speed=" + text.get() + " is not a number above 0 and at most " + (int) MAX_SPEED);
    }

    /** @return the moment a parameter names, if given */
    static Optional<Moment> moment(Parameters query, String name) throws Invalid {
        Optional<String> text = query.first(name).asOptional().map(String::trim);
        if (text.isEmpty() || text.get().isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        try {
            double seconds = Double.parseDouble(value);
            if (seconds >= 0 && seconds <= 366 * 86400.0) {
                return Optional.of(new Offset(Duration.ofNanos(Math.round(seconds * 1e9))));
            }
        } catch (NumberFormatException e) {
            try {
                return Optional.of(new At(Instant.parse(value)));
            } catch (DateTimeParseException notInstant) {
                // below
            }
        }
        throw new Invalid(name + "=" + value + " is neither seconds from the recording's start (such as 12.5) nor"
                + " a time such as 2026-12-01T10:00:00Z");
    }
}
