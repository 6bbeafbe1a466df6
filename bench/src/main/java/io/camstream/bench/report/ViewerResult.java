package io.camstream.bench.report;

/**
 * What one viewer received in the measuring window.
 *
 * @param slow    whether it read at the slow rate
 * @param frames  complete frames whose last byte arrived in the window
 * @param invalid of those, frames that did not start with SOI or end with EOI
 * @param bytes   bytes read in the window
 * @param error   why the connection failed or ended, or {@code null} when it was still open at the end
 */
public record ViewerResult(boolean slow, long frames, long invalid, long bytes, String error) {
}
