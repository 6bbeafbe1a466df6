package io.camstream.bench.report;

import java.util.Arrays;

/**
 * Summary of a set of values; percentiles by the nearest-rank method.
 *
 * @param count how many values
 * @param min   the smallest
 * @param p50   the median
 * @param p99   the 99th percentile
 * @param max   the largest
 */
public record Distribution(int count, double min, double p50, double p99, double max) {

    /** The distribution of no values; its figures are NaN. */
    public static final Distribution EMPTY = new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /**
     * @param values the values, in any order; the array is sorted in place
     * @return their distribution
     */
    public static Distribution of(double[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        Arrays.sort(values);
        return new Distribution(values.length, values[0], rank(values, 0.50), rank(values, 0.99),
                values[values.length - 1]);
    }

    public boolean isEmpty() {
        return count == 0;
    }

    private static double rank(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
