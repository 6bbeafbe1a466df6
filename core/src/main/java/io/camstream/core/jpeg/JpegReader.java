package io.camstream.core.jpeg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a baseline sequential Huffman-coded JPEG (SOF0, or SOF1 with 8-bit samples): its marker segments, and every
 * block of its scans into a {@link BlockSink}. One or three components with any sampling factors from 1 to 4,
 * restart intervals, several scans, tables between scans; APPn and COM segments are kept for the caller to copy or
 * drop. Anything else, such as progressive or arithmetic coding, raises an {@link UnsupportedJpegException} naming
 * it; malformed or truncated data a {@link JpegException} saying where.
 * <p>
 * The work and the memory are bounded: marker lengths are checked against the data, the picture against the
 * {@link JpegLimits}, and the blocks a scan claims against the bits it has (every block takes at least two).
 * EXIF orientation is not applied: a camera's {@code rotate} and {@code flip} keys say how to turn its pictures.
 */
public final class JpegReader {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DQT = 0xDB;
    private static final int DNL = 0xDC;
    private static final int DRI = 0xDD;
    private static final int DHT = 0xC4;
    private static final int DAC = 0xCC;
    private static final int COM = 0xFE;

    private final byte[] data;
    private final JpegLimits limits;
    private final int[][] quant = new int[4][];
    private final HuffmanSpec[][] specs = new HuffmanSpec[2][4];
    private final HuffmanLookup[][] lookups = new HuffmanLookup[2][4];
    private final List<Segment> segments = new ArrayList<>();
    private JpegFrame frame;
    private HuffmanSpec[] dcUsed;
    private HuffmanSpec[] acUsed;
    private boolean[] scanned;
    private int restartInterval;
    private int adobeTransform = -1;
    private boolean jfif;
    private JpegHeaders headers;
    private int pos;

    private JpegReader(byte[] data, JpegLimits limits) {
        this.data = data;
        this.limits = limits;
    }

    /**
     * Reads a JPEG, handing its blocks to a sink.
     *
     * @param jpeg   the whole JPEG, from SOI; bytes after EOI are ignored
     * @param limits the largest picture accepted
     * @param sink   receives the headers, then every block
     * @return the headers
     * @throws UnsupportedJpegException for a valid JPEG of a kind not handled
     * @throws JpegException            for anything malformed, truncated or beyond the limits
     */
    public static JpegHeaders read(byte[] jpeg, JpegLimits limits, BlockSink sink) {
        return new JpegReader(jpeg, limits).read(sink);
    }

    /**
     * Reads only the headers, up to the first scan; no block is decoded.
     *
     * @param jpeg   the whole JPEG
     * @param limits the largest picture accepted
     * @return the headers as they stand at the first scan
     * @throws JpegException as {@link #read(byte[], JpegLimits, BlockSink)} does
     */
    public static JpegHeaders readHeaders(byte[] jpeg, JpegLimits limits) {
        return new JpegReader(jpeg, limits).read(null);
    }

    private JpegHeaders read(BlockSink sink) {
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != SOI) {
            throw new JpegException("not a JPEG: it does not start with the SOI marker FF D8");
        }
        pos = 2;
        while (true) {
            int marker = nextMarker();
            if (marker == EOI) {
                return finish();
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == SOI || marker == 0x01) {
                throw new JpegException(String.format("unexpected marker FF %02X at byte %d", marker, pos - 2));
            }
            int length = segmentLength();
            int body = pos + 2;
            int bodyEnd = pos + length;
            switch (marker) {
                case 0xC0, 0xC1 -> readFrame(body, bodyEnd);
                case DHT -> readHuffmanTables(body, bodyEnd);
                case DQT -> readQuantTables(body, bodyEnd);
                case DRI -> readRestartInterval(body, bodyEnd);
                case SOS -> {
                    Scan scan = readScanHeader(body, bodyEnd);
                    if (sink == null) {
                        return headers();
                    }
                    pos = decodeScan(scan, bodyEnd, sink);
                    continue;
                }
                case DAC -> throw new UnsupportedJpegException("arithmetic-coded JPEG (DAC): not supported");
                case DNL -> throw new UnsupportedJpegException("JPEG whose height comes after the scan (DNL):"
                        + " not supported");
                default -> readOther(marker, body, bodyEnd);
            }
            pos = bodyEnd;
        }
    }

    private JpegHeaders finish() {
        if (headers == null) {
            throw new JpegException(frame == null ? "no frame header (SOF) before EOI" : "no scan before EOI");
        }
        for (int c = 0; c < scanned.length; c++) {
            if (!scanned[c]) {
                throw new JpegException("component " + frame.components().get(c).id() + " is in no scan");
            }
        }
        return headers();
    }

    private JpegHeaders headers() {
        if (frame == null) {
            throw new JpegException("no frame header (SOF) before the scan");
        }
        ColourSpace colour = frame.components().size() == 1 ? ColourSpace.GREY
                : adobeTransform == 0 || (!jfif && adobeTransform < 0 && rgbIds()) ? ColourSpace.RGB
                : ColourSpace.YCBCR;
        return new JpegHeaders(frame, quant.clone(), dcUsed.clone(), acUsed.clone(), restartInterval, colour,
                List.copyOf(segments));
    }

    private boolean rgbIds() {
        List<FrameComponent> c = frame.components();
        return c.get(0).id() == 'R' && c.get(1).id() == 'G' && c.get(2).id() == 'B';
    }

    /** Skips fill bytes; the position ends after the marker. */
    private int nextMarker() {
        if (pos >= data.length || (data[pos] & 0xFF) != 0xFF) {
            throw pos >= data.length
                    ? new JpegException("the data ends at byte " + pos + " without EOI (truncated JPEG)")
                    : new JpegException(String.format("expected a marker at byte %d, found %02X", pos,
                    data[pos] & 0xFF));
        }
        while (pos < data.length && (data[pos] & 0xFF) == 0xFF) {
            pos++;
        }
        if (pos >= data.length) {
            throw new JpegException("the data ends at byte " + pos + " without EOI (truncated JPEG)");
        }
        return data[pos++] & 0xFF;
    }

    private int segmentLength() {
        if (pos + 2 > data.length) {
            throw new JpegException("marker segment at byte " + pos + " is cut off (truncated JPEG)");
        }
        int length = u16(pos);
        if (length < 2 || pos + length > data.length) {
            throw new JpegException("marker segment at byte " + pos + " claims " + length + " bytes; "
                    + (data.length - pos) + " are left");
        }
        return length;
    }

    private void readFrame(int body, int end) {
        if (frame != null) {
            throw new JpegException("a second frame header at byte " + body);
        }
        need(body, end, 6);
        int precision = data[body] & 0xFF;
        if (precision != 8) {
            throw new UnsupportedJpegException(precision + "-bit JPEG: only 8-bit samples are supported");
        }
        int height = u16(body + 1);
        int width = u16(body + 3);
        int count = data[body + 5] & 0xFF;
        if (height == 0) {
            throw new UnsupportedJpegException("JPEG whose height comes after the scan (DNL): not supported");
        }
        if (width == 0) {
            throw new JpegException("frame header gives a width of 0");
        }
        if (count != 1 && count != 3) {
            throw new UnsupportedJpegException("JPEG with " + count + " components: only 1 (grey) or 3 are supported");
        }
        if (end - body != 6 + 3 * count) {
            throw new JpegException("frame header of " + (end - body) + " bytes for " + count + " components");
        }
        limits.check(width, height);
        List<FrameComponent> components = new ArrayList<>();
        int units = 0;
        for (int i = 0; i < count; i++) {
            int at = body + 6 + 3 * i;
            int id = data[at] & 0xFF;
            int h = (data[at + 1] & 0xFF) >> 4;
            int v = data[at + 1] & 0x0F;
            int table = data[at + 2] & 0xFF;
            if (h < 1 || h > 4 || v < 1 || v > 4 || table > 3) {
                throw new JpegException("component " + id + ": sampling " + h + "x" + v + " or table " + table
                        + " out of range");
            }
            for (FrameComponent other : components) {
                if (other.id() == id) {
                    throw new JpegException("two components with the identifier " + id);
                }
            }
            units += h * v;
            components.add(new FrameComponent(id, h, v, table));
        }
        if (count > 1 && units > 10) {
            throw new JpegException("sampling factors give " + units + " blocks per MCU; at most 10 are allowed");
        }
        frame = new JpegFrame(width, height, components);
        dcUsed = new HuffmanSpec[count];
        acUsed = new HuffmanSpec[count];
        scanned = new boolean[count];
    }

    private void readHuffmanTables(int body, int end) {
        int at = body;
        while (at < end) {
            need(at, end, 17);
            int tc = (data[at] & 0xFF) >> 4;
            int th = data[at] & 0x0F;
            if (tc > 1 || th > 3) {
                throw new JpegException("Huffman table class " + tc + " or number " + th + " out of range");
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = data[at + 1 + i] & 0xFF;
                total += counts[i];
            }
            need(at + 17, end, total);
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = data[at + 17 + i] & 0xFF;
            }
            HuffmanSpec spec = new HuffmanSpec(counts, symbols);
            specs[tc][th] = spec;
            lookups[tc][th] = new HuffmanLookup(spec);
            at += 17 + total;
        }
    }

    private void readQuantTables(int body, int end) {
        if (headers != null) {
            throw new UnsupportedJpegException("quantisation tables redefined between scans: not supported");
        }
        int at = body;
        while (at < end) {
            int pq = (data[at] & 0xFF) >> 4;
            int tq = data[at] & 0x0F;
            if (pq > 1 || tq > 3) {
                throw new JpegException("quantisation table precision " + pq + " or number " + tq + " out of range");
            }
            need(at + 1, end, 64 << pq);
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                table[ZigZag.NATURAL[k]] = pq == 0 ? data[at + 1 + k] & 0xFF : u16(at + 1 + 2 * k);
            }
            quant[tq] = table;
            at += 1 + (64 << pq);
        }
    }

    private void readRestartInterval(int body, int end) {
        if (end - body != 2) {
            throw new JpegException("DRI segment of " + (end - body) + " bytes; it has 2");
        }
        restartInterval = u16(body);
    }

    private void readOther(int marker, int body, int end) {
        if (marker >= 0xE0 && marker <= 0xEF || marker == COM) {
            segments.add(new Segment(marker, Arrays.copyOfRange(data, body, end)));
            if (marker == 0xE0 && startsWith(body, end, "JFIF\0")) {
                jfif = true;
            }
            if (marker == 0xEE && startsWith(body, end, "Adobe") && end - body >= 12) {
                adobeTransform = data[body + 11] & 0xFF;
            }
            return;
        }
        if (marker >= 0xC0 && marker <= 0xCF) {
            throw new UnsupportedJpegException(frameKind(marker) + " JPEG (SOF" + (marker - 0xC0) + "): not supported;"
                    + " only baseline and extended sequential Huffman coding is");
        }
        if (marker < 0xF0 || marker > 0xFD) {
            throw new JpegException(String.format("unknown marker FF %02X at byte %d", marker, body - 4));
        }
    }

    private static String frameKind(int marker) {
        return switch (marker) {
            case 0xC2, 0xC6 -> "progressive";
            case 0xC3, 0xC7 -> "lossless";
            case 0xC5 -> "hierarchical";
            default -> "arithmetic-coded";
        };
    }

    /** A scan's components (frame indices) and their tables. */
    private record Scan(int[] components, HuffmanLookup[] dc, HuffmanLookup[] ac, long blocks) {
    }

    private Scan readScanHeader(int body, int end) {
        if (frame == null) {
            throw new JpegException("scan before the frame header (SOS before SOF)");
        }
        need(body, end, 1);
        int n = data[body] & 0xFF;
        if (n < 1 || n > frame.components().size() || end - body != 4 + 2 * n) {
            throw new JpegException("scan header of " + (end - body) + " bytes for " + n + " components");
        }
        int[] components = new int[n];
        HuffmanLookup[] dc = new HuffmanLookup[n];
        HuffmanLookup[] ac = new HuffmanLookup[n];
        int units = 0;
        long blocks = 0;
        for (int i = 0; i < n; i++) {
            int id = data[body + 1 + 2 * i] & 0xFF;
            int c = componentIndex(id);
            for (int j = 0; j < i; j++) {
                if (components[j] == c) {
                    throw new JpegException("component " + id + " twice in one scan");
                }
            }
            int td = (data[body + 2 + 2 * i] & 0xFF) >> 4;
            int ta = data[body + 2 + 2 * i] & 0x0F;
            if (td > 3 || ta > 3 || lookups[0][td] == null || lookups[1][ta] == null) {
                throw new JpegException("component " + id + " uses Huffman tables " + td + "/" + ta
                        + " that are not defined");
            }
            if (quant[frame.components().get(c).quantTable()] == null) {
                throw new JpegException("component " + id + " uses quantisation table "
                        + frame.components().get(c).quantTable() + " that is not defined");
            }
            components[i] = c;
            dc[i] = lookups[0][td];
            ac[i] = lookups[1][ta];
            dcUsed[c] = specs[0][td];
            acUsed[c] = specs[1][ta];
            scanned[c] = true;
            units += frame.components().get(c).h() * frame.components().get(c).v();
            blocks += (long) Math.ceilDiv(frame.componentWidth(c), 8) * Math.ceilDiv(frame.componentHeight(c), 8);
        }
        int ss = data[end - 3] & 0xFF;
        int se = data[end - 2] & 0xFF;
        int approximation = data[end - 1] & 0xFF;
        if (ss != 0 || se != 63 || approximation != 0) {
            throw new JpegException("scan of a sequential JPEG with spectral selection " + ss + "-" + se
                    + " or successive approximation " + approximation);
        }
        if (n > 1 && units > 10) {
            throw new JpegException("scan with " + units + " blocks per MCU; at most 10 are allowed");
        }
        return new Scan(components, dc, ac, blocks);
    }

    private int decodeScan(Scan scan, int end, BlockSink sink) {
        if (scan.blocks > 4L * (data.length - end) + 4) {
            throw new JpegException("scan of " + scan.blocks + " blocks in " + (data.length - end)
                    + " bytes: too short for the picture (truncated JPEG)");
        }
        if (headers == null) {
            headers = headers();
            sink.start(headers);
        }
        return new ScanDecoder(data, data.length).decode(end, frame, scan.components, scan.dc, scan.ac,
                restartInterval, sink);
    }

    private int componentIndex(int id) {
        for (int c = 0; c < frame.components().size(); c++) {
            if (frame.components().get(c).id() == id) {
                return c;
            }
        }
        throw new JpegException("scan names component " + id + ", which the frame does not have");
    }

    private boolean startsWith(int body, int end, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return end - body >= bytes.length && Arrays.equals(data, body, body + bytes.length, bytes, 0, bytes.length);
    }

    private void need(int at, int end, int bytes) {
        if (end - at < bytes) {
            throw new JpegException("marker segment at byte " + at + " is shorter than its contents");
        }
    }

    private int u16(int at) {
        return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
    }
}
