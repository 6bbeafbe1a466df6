package io.camstream.bench.attack;

import java.util.Locale;

/**
 * One line of an attack's table: a figure, what was measured, the limit it must keep, and whether it did. A line
 * with no limit only reports.
 *
 * @param figure what was measured
 * @param value  the measurement, as text
 * @param limit  what it must keep, or empty
 * @param passed whether it kept it
 */
record Check(String figure, String value, String limit, boolean passed) {

    static Check info(String figure, String value) {
        return new Check(figure, value, "", true);
    }

    static Check atMost(String figure, double value, double limit, String format) {
        return new Check(figure, text(format, value), "≤ " + text(format, limit), value <= limit);
    }

    static Check atLeast(String figure, double value, double limit, String format) {
        return new Check(figure, text(format, value), "≥ " + text(format, limit), value >= limit);
    }

    static Check that(String figure, String value, String limit, boolean passed) {
        return new Check(figure, value, limit, passed);
    }

    static String text(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }
}
