package io.camstream.core.jpeg;

import java.nio.charset.StandardCharsets;

/** Reads the PGM/PPM that djpeg writes, and compares pictures. */
final class Pnm {

    private Pnm() {
    }

    /** The samples of a binary PGM (P5) as a plane. */
    static Plane pgm(byte[] pnm) {
        int[] header = new int[3];
        int at = 2;
        for (int i = 0; i < 3; i++) {
            while (Character.isWhitespace(pnm[at])) {
                at++;
            }
            int start = at;
            while (!Character.isWhitespace(pnm[at])) {
                at++;
            }
            header[i] = Integer.parseInt(new String(pnm, start, at - start, StandardCharsets.US_ASCII));
        }
        if (pnm[0] != 'P' || pnm[1] != '5') {
            throw new AssertionError("not a PGM");
        }
        at++;
        byte[] samples = java.util.Arrays.copyOfRange(pnm, at, at + header[0] * header[1]);
        return new Plane(samples, header[0], header[1], header[0]);
    }

    /** A plane as a binary PGM (P5). */
    static byte[] toPgm(Plane plane) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("P5\n" + plane.width() + " " + plane.height() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
        for (int y = 0; y < plane.height(); y++) {
            out.write(plane.samples(), y * plane.stride(), plane.width());
        }
        return out.toByteArray();
    }

    /** Peak signal-to-noise ratio in dB of two planes of the same size. */
    static double psnr(Plane a, Plane b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new AssertionError(a.width() + "x" + a.height() + " vs " + b.width() + "x" + b.height());
        }
        double sum = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                int d = a.get(x, y) - b.get(x, y);
                sum += d * d;
            }
        }
        double mse = sum / ((double) a.width() * a.height());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** The largest difference of two samples at the same place. */
    static int maxDifference(Plane a, Plane b) {
        int max = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                max = Math.max(max, Math.abs(a.get(x, y) - b.get(x, y)));
            }
        }
        return max;
    }
}
