package io.camstream.bench.client;

/**
 * Told of every part a stream parser finds, at the moment its last byte has been read.
 */
interface FrameListener {

    /** The timestamp given when a part has no readable {@code X-Timestamp} header. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /**
     * One part has ended.
     *
     * @param size            the part's body size in bytes
     * @param valid           whether the body starts with SOI (FF D8) and ends with EOI (FF D9)
     * @param timestampMicros the part's {@code X-Timestamp} in epoch microseconds, or {@link #NO_TIMESTAMP}
     */
    void frame(int size, boolean valid, long timestampMicros);
}
