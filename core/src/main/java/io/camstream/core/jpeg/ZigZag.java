package io.camstream.core.jpeg;

/** The order in which a block's 64 coefficients are coded (T.81 figure A.6). */
final class ZigZag {

    /** The natural (row-major) index of the k-th coefficient in coding order. */
    static final int[] NATURAL = naturalOrder();

    private ZigZag() {
    }

    private static int[] naturalOrder() {
        int[] order = new int[64];
        int x = 0;
        int y = 0;
        for (int k = 0; k < 64; k++) {
            order[k] = y * 8 + x;
            boolean up = ((x + y) & 1) == 0;
            if (up) {
                if (x == 7) {
                    y++;
                } else if (y == 0) {
                    x++;
                } else {
                    x++;
                    y--;
                }
            } else {
                if (y == 7) {
                    x++;
                } else if (x == 0) {
                    y++;
                } else {
                    x--;
                    y++;
                }
            }
        }
        return order;
    }
}
