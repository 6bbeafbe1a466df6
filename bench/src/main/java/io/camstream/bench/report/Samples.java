package io.camstream.bench.report;

import java.util.Arrays;

/**
 * A growing list of long values, kept unboxed because every received frame adds one.
 */
public final class Samples {

    private long[] values = new long[1024];
    private int size;

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public void addAll(Samples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    public int size() {
        return size;
    }

    /** @return the value added as the {@code index}th, from 0 */
    public long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return values[index];
    }

    /**
     * How many different values there are.
     */
    public int distinctCount() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    /**
     * The distribution of the values, each multiplied by {@code scale}.
     *
     * @param scale for example 0.001 to turn microseconds into milliseconds
     * @return the distribution, empty when there are no values
     */
    public Distribution distribution(double scale) {
        double[] scaled = new double[size];
        for (int i = 0; i < size; i++) {
            scaled[i] = values[i] * scale;
        }
        return Distribution.of(scaled);
    }
}
