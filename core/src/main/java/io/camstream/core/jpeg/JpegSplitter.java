package io.camstream.core.jpeg;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Cuts a byte stream of JPEGs written back to back with no delimiter (rpicam-vid, {@code ffmpeg -f mjpeg}) into
 * single pictures.
 * <p>
 * A frame is found by its structure, not by searching for the end marker: from SOI the marker segments are walked
 * by their lengths (so an EXIF thumbnail, or any {@code FF D9} inside a segment, is skipped whole), and after SOS
 * the entropy-coded data is scanned for the next marker, passing over stuffed {@code FF 00}, restart markers and
 * fill bytes. A marker other than EOI there starts the next segment (progressive JPEGs have several scans).
 * <p>
 * Bytes before a frame, and a start that turns out not to be a JPEG, are skipped and counted. A frame that grows
 * past the size limit is followed to its end without being kept, then dropped and counted.
 * <p>
 * Each byte is copied once into an internal buffer (straight from the stream in {@link #read(InputStream)}) and
 * once into its frame's own array; only the unfinished frame is moved to the front when the buffer fills, which a
 * buffer of several frames makes rare. One reader at a time.
 */
public final class JpegSplitter {

    /** The default limit on the size of one frame: 8 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 8 * 1024 * 1024;

    private static final int MIN_READ = 64 * 1024;
    private static final int INITIAL_CAPACITY = 2 * MIN_READ;
    /** Up to this size the buffer grows to hold four unfinished frames, so that moving one is rare. */
    private static final int ROOMY_CAPACITY = 4 * 1024 * 1024;

    private static final int FF = 0xFF;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int TEM = 0x01;

    private enum State { SEEK_START, MARKERS, ENTROPY }

    private enum Step { NEED_DATA, CONTINUE, END_OF_IMAGE }

    private final int maxFrameBytes;

    private byte[] buf = new byte[INITIAL_CAPACITY];
    /** Where the current frame starts, or the first byte not yet ruled out as garbage. */
    private int start;
    /** The next byte to look at; while a segment body is skipped it may lie beyond {@link #end}. */
    private int pos;
    /** The end of the bytes read so far. */
    private int end;
    private State state = State.SEEK_START;
    private boolean frameHeader;
    private boolean scanned;
    private boolean oversized;

    private long frames;
    private long skippedBytes;
    private long oversizedFrames;

    /**
     * Creates a splitter with the default frame size limit.
     */
    public JpegSplitter() {
        this(DEFAULT_MAX_FRAME_BYTES);
    }

    /**
     * Creates a splitter.
     *
     * @param maxFrameBytes the largest frame kept; larger ones are dropped
     * @throws IllegalArgumentException when the limit is not positive
     */
    public JpegSplitter(int maxFrameBytes) {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("max frame bytes must be positive, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Reads from a stream until a whole frame has arrived. Bytes read past the frame are kept for the next call.
     *
     * @param in the stream; blocking reads are fine
     * @return the next frame, from SOI to EOI, or {@code null} when the stream ended (an unfinished frame at the
     *         end stays in {@link #bufferedBytes()})
     * @throws IOException when reading fails
     */
    public byte[] read(InputStream in) throws IOException {
        while (true) {
            byte[] frame = next();
            if (frame != null) {
                return frame;
            }
            int room = makeRoom(); // before reading buf: it may replace the buffer
            int count = in.read(buf, end, room);
            if (count < 0) {
                return null;
            }
            end += count;
        }
    }

    /**
     * Adds bytes and hands over every frame they complete.
     *
     * @param data   the bytes
     * @param offset where they start in {@code data}
     * @param length how many there are
     * @param sink   receives each complete frame, in order
     */
    public void feed(byte[] data, int offset, int length, Consumer<byte[]> sink) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int done = 0;
        while (true) {
            for (byte[] frame = next(); frame != null; frame = next()) {
                sink.accept(frame);
            }
            if (done == length) {
                return;
            }
            int count = Math.min(makeRoom(), length - done);
            System.arraycopy(data, offset + done, buf, end, count);
            end += count;
            done += count;
        }
    }

    /**
     * How many frames have been returned.
     *
     * @return the count
     */
    public long frames() {
        return frames;
    }

    /**
     * How many bytes were skipped because they were not part of a JPEG (before a frame, between frames, or a
     * start that proved not to be one).
     *
     * @return the count
     */
    public long skippedBytes() {
        return skippedBytes;
    }

    /**
     * How many frames were dropped for being larger than the limit.
     *
     * @return the count
     */
    public long oversizedFrames() {
        return oversizedFrames;
    }

    /**
     * How many bytes are held for a frame not complete yet.
     *
     * @return the count
     */
    public int bufferedBytes() {
        return end - start;
    }

    private byte[] next() {
        while (true) {
            Step step = switch (state) {
                case SEEK_START -> seekStart();
                case MARKERS -> marker();
                case ENTROPY -> entropy();
            };
            if (step == Step.NEED_DATA) {
                return null;
            }
            if (step == Step.END_OF_IMAGE) {
                byte[] frame = finishFrame();
                if (frame != null) {
                    return frame;
                }
            }
        }
    }

    private Step seekStart() {
        int i = pos;
        while (i + 1 < end && !(at(i) == FF && at(i + 1) == SOI)) {
            i++;
        }
        if (i + 1 >= end) {
            // A last FF may be the first half of an SOI: keep it.
            int keep = i < end && at(i) == FF ? i : end;
            skippedBytes += keep - start;
            start = keep;
            pos = keep;
            return Step.NEED_DATA;
        }
        skippedBytes += i - start;
        start = i;
        pos = i + 2;
        frameHeader = false;
        scanned = false;
        state = State.MARKERS;
        return Step.CONTINUE;
    }

    private Step marker() {
        checkSize();
        if (pos + 1 >= end) {
            return Step.NEED_DATA;
        }
        if (at(pos) != FF) {
            return notAJpeg();
        }
        int marker = at(pos + 1);
        if (marker == FF) {
            pos++; // fill byte
            return Step.CONTINUE;
        }
        if (marker == EOI) {
            if (!scanned) {
                return notAJpeg();
            }
            pos += 2;
            return Step.END_OF_IMAGE;
        }
        if (marker == SOI || marker == 0x00) {
            return notAJpeg();
        }
        if (marker == TEM || isRestart(marker)) {
            pos += 2;
            return Step.CONTINUE;
        }
        if (pos + 3 >= end) {
            return Step.NEED_DATA;
        }
        int length = (at(pos + 2) << 8) | at(pos + 3);
        if (length < 2) {
            return notAJpeg();
        }
        if (isStartOfFrame(marker)) {
            if (length < 8) {
                return notAJpeg();
            }
            frameHeader = true;
        } else if (marker == SOS) {
            if (!frameHeader) {
                return notAJpeg();
            }
            scanned = true;
            state = State.ENTROPY;
        }
        pos += 2 + length;
        return Step.CONTINUE;
    }

    private Step entropy() {
        int i = pos;
        int last = end - 1;
        while (i < last) {
            if (buf[i] != (byte) FF) {
                i++;
                continue;
            }
            int next = at(i + 1);
            if (next == 0x00 || isRestart(next)) {
                i += 2;
            } else if (next == FF) {
                i++;
            } else if (next == EOI) {
                pos = i + 2;
                return Step.END_OF_IMAGE;
            } else {
                pos = i;
                state = State.MARKERS;
                return Step.CONTINUE;
            }
        }
        pos = i;
        checkSize();
        return Step.NEED_DATA;
    }

    private byte[] finishFrame() {
        checkSize();
        byte[] frame = null;
        if (oversized) {
            oversizedFrames++;
        } else {
            frame = Arrays.copyOfRange(buf, start, pos);
            frames++;
        }
        endCandidate();
        return frame;
    }

    /** What began at {@link #start} is not a JPEG: look for the next SOI after it. */
    private Step notAJpeg() {
        if (oversized) {
            // Its first bytes are gone; what is left of it is dropped with them.
            oversizedFrames++;
            endCandidate();
        } else {
            pos = start + 1;
            state = State.SEEK_START;
        }
        return Step.CONTINUE;
    }

    private void endCandidate() {
        start = pos;
        state = State.SEEK_START;
        oversized = false;
    }

    private void checkSize() {
        if (!oversized && pos - start > maxFrameBytes) {
            oversized = true;
        }
    }

    /** Makes room at the end of the buffer by moving the bytes still needed to its front, or by growing it. */
    private int makeRoom() {
        if (buf.length - end >= MIN_READ) {
            return buf.length - end;
        }
        int keep = oversized ? Math.min(pos, end) : start;
        int kept = end - keep;
        boolean tooSmall = kept + MIN_READ > buf.length;
        boolean cramped = kept > buf.length / 4 && buf.length < ROOMY_CAPACITY;
        if (tooSmall || cramped) {
            byte[] larger = new byte[Math.max(buf.length * 2, kept + MIN_READ)];
            System.arraycopy(buf, keep, larger, 0, kept);
            buf = larger;
        } else {
            System.arraycopy(buf, keep, buf, 0, kept);
        }
        pos -= keep;
        end = kept;
        start = 0;
        return buf.length - end;
    }

    private int at(int index) {
        return buf[index] & 0xFF;
    }

    private static boolean isRestart(int marker) {
        return marker >= 0xD0 && marker <= 0xD7;
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
