package io.camstream.core.jpeg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes coefficients as a baseline JPEG: SOI, the given APPn/COM segments, DQT, SOF0 (SOF1 when a quantiser needs
 * 16 bits), DHT, DRI, one scan, EOI.
 */
public final class JpegWriter {

    private JpegWriter() {
    }

    /**
     * Writes a picture.
     *
     * @param image           the coefficients, with the headers whose frame and quantisation tables describe them
     * @param huffman         which Huffman tables to code with
     * @param restartInterval MCUs between restart markers, 0 for none
     * @param segments        APPn and COM segments to write after SOI
     * @return the JPEG
     */
    public static byte[] write(CoefficientImage image, HuffmanChoice huffman, int restartInterval,
                               List<Segment> segments) {
        return write(image, huffman, restartInterval, segments, new FrameBuffers());
    }

    /**
     * Writes a picture, coding it in room the caller keeps from frame to frame.
     *
     * @param image           the coefficients, with the headers whose frame and quantisation tables describe them
     * @param huffman         which Huffman tables to code with
     * @param restartInterval MCUs between restart markers, 0 for none
     * @param segments        APPn and COM segments to write after SOI
     * @param buffers         where the JPEG is coded before it is copied out
     * @return the JPEG
     */
    public static byte[] write(CoefficientImage image, HuffmanChoice huffman, int restartInterval,
                               List<Segment> segments, FrameBuffers buffers) {
        if (restartInterval < 0 || restartInterval > 0xFFFF) {
            throw new IllegalArgumentException("restart interval must be 0 to 65535, was " + restartInterval);
        }
        boolean known = image.headers().dcTables() != null && image.headers().acTables() != null;
        if (huffman == HuffmanChoice.STANDARD || huffman == HuffmanChoice.ORIGINAL_IF_COMPLETE && known) {
            Tables tables = huffman == HuffmanChoice.STANDARD ? standard(image) : original(image);
            byte[] jpeg = tryWrite(image, tables, restartInterval, segments, buffers);
            if (jpeg != null) {
                return jpeg;
            }
        }
        return tryWrite(image, optimal(image, restartInterval), restartInterval, segments, buffers);
    }

    /** Which table each component uses, and the tables. */
    private record Tables(int[] dc, int[] ac, List<HuffmanSpec> dcSpecs, List<HuffmanSpec> acSpecs) {
    }

    private static byte[] tryWrite(CoefficientImage image, Tables tables, int restartInterval, List<Segment> segments,
                                   FrameBuffers buffers) {
        HuffmanCode[] codes = new HuffmanCode[tables.dcSpecs.size() + tables.acSpecs.size()];
        int[] ac = new int[tables.ac.length];
        for (int i = 0; i < tables.dcSpecs.size(); i++) {
            codes[i] = new HuffmanCode(tables.dcSpecs.get(i));
        }
        for (int i = 0; i < tables.acSpecs.size(); i++) {
            codes[tables.dcSpecs.size() + i] = new HuffmanCode(tables.acSpecs.get(i));
        }
        for (int c = 0; c < ac.length; c++) {
            ac[c] = tables.dcSpecs.size() + tables.ac[c];
        }
        BitWriter out = new BitWriter(codes, buffers.coded(Math.max(image.storedPlane(0).length / 4, 1024)));
        out.raw(headers(image, tables, restartInterval, segments));
        boolean coded = ScanEncoder.encode(image, tables.dc, ac, restartInterval, out);
        if (coded) {
            out.raw(new byte[]{(byte) 0xFF, (byte) 0xD9});
        }
        buffers.keepCoded(out.bytes());
        return coded ? Arrays.copyOf(out.bytes(), out.size()) : null;
    }

    private static Tables original(CoefficientImage image) {
        JpegHeaders headers = image.headers();
        List<HuffmanSpec> dcSpecs = new ArrayList<>();
        List<HuffmanSpec> acSpecs = new ArrayList<>();
        int n = image.frame().components().size();
        int[] dc = new int[n];
        int[] ac = new int[n];
        for (int c = 0; c < n; c++) {
            dc[c] = indexOf(dcSpecs, headers.dcTables()[c]);
            ac[c] = indexOf(acSpecs, headers.acTables()[c]);
        }
        return new Tables(dc, ac, dcSpecs, acSpecs);
    }

    private static int indexOf(List<HuffmanSpec> specs, HuffmanSpec spec) {
        int i = specs.indexOf(spec);
        if (i < 0) {
            specs.add(spec);
            i = specs.size() - 1;
        }
        return i;
    }

    private static Tables standard(CoefficientImage image) {
        int n = image.frame().components().size();
        int[] groups = lumaChromaGroups(n);
        return new Tables(groups, groups,
                n == 1 ? List.of(StandardTables.LUMINANCE_DC)
                        : List.of(StandardTables.LUMINANCE_DC, StandardTables.CHROMINANCE_DC),
                n == 1 ? List.of(StandardTables.LUMINANCE_AC)
                        : List.of(StandardTables.LUMINANCE_AC, StandardTables.CHROMINANCE_AC));
    }

    private static Tables optimal(CoefficientImage image, int restartInterval) {
        int n = image.frame().components().size();
        int[] groups = lumaChromaGroups(n);
        int tableCount = n == 1 ? 1 : 2;
        int[] ac = new int[n];
        for (int c = 0; c < n; c++) {
            ac[c] = tableCount + groups[c];
        }
        SymbolCounter counter = new SymbolCounter(2 * tableCount);
        ScanEncoder.encode(image, groups, ac, restartInterval, counter);
        List<HuffmanSpec> dcSpecs = new ArrayList<>();
        List<HuffmanSpec> acSpecs = new ArrayList<>();
        for (int t = 0; t < tableCount; t++) {
            dcSpecs.add(HuffmanOptimizer.optimal(counter.frequencies[t]));
            acSpecs.add(HuffmanOptimizer.optimal(counter.frequencies[tableCount + t]));
        }
        return new Tables(groups, groups, dcSpecs, acSpecs);
    }

    /** Luminance (the first component) in table 0, both chrominance components in table 1. */
    private static int[] lumaChromaGroups(int n) {
        int[] groups = new int[n];
        for (int c = 1; c < n; c++) {
            groups[c] = 1;
        }
        return groups;
    }

    private static byte[] headers(CoefficientImage image, Tables tables, int restartInterval, List<Segment> segments) {
        JpegFrame frame = image.frame();
        HeaderBytes out = new HeaderBytes();
        out.put(0xFF);
        out.put(0xD8);
        for (Segment segment : segments) {
            int length = out.begin(segment.marker());
            out.put(segment.payload());
            out.end(length);
        }
        boolean wide = false;
        int dqt = out.begin(0xDB);
        boolean[] done = new boolean[4];
        for (FrameComponent c : frame.components()) {
            int[] table = image.headers().quantTables()[c.quantTable()];
            if (done[c.quantTable()]) {
                continue;
            }
            done[c.quantTable()] = true;
            boolean sixteen = needsSixteenBits(table);
            wide |= sixteen;
            out.put((sixteen ? 0x10 : 0) | c.quantTable());
            for (int k = 0; k < 64; k++) {
                int q = table[ZigZag.NATURAL[k]];
                if (sixteen) {
                    out.put(q >> 8);
                }
                out.put(q);
            }
        }
        out.end(dqt);
        int sof = out.begin(wide ? 0xC1 : 0xC0);
        out.put(8);
        out.u16(frame.height());
        out.u16(frame.width());
        out.put(frame.components().size());
        for (FrameComponent c : frame.components()) {
            out.put(c.id());
            out.put(c.h() << 4 | c.v());
            out.put(c.quantTable());
        }
        out.end(sof);
        int dht = out.begin(0xC4);
        for (int i = 0; i < tables.dcSpecs.size(); i++) {
            huffman(out, i, tables.dcSpecs.get(i));
        }
        for (int i = 0; i < tables.acSpecs.size(); i++) {
            huffman(out, 0x10 | i, tables.acSpecs.get(i));
        }
        out.end(dht);
        if (restartInterval > 0) {
            int dri = out.begin(0xDD);
            out.u16(restartInterval);
            out.end(dri);
        }
        int sos = out.begin(0xDA);
        out.put(frame.components().size());
        for (int c = 0; c < frame.components().size(); c++) {
            out.put(frame.components().get(c).id());
            out.put(tables.dc[c] << 4 | tables.ac[c]);
        }
        out.put(0);
        out.put(63);
        out.put(0);
        out.end(sos);
        return out.toByteArray();
    }

    private static boolean needsSixteenBits(int[] table) {
        for (int q : table) {
            if (q > 255) {
                return true;
            }
        }
        return false;
    }

    private static void huffman(HeaderBytes out, int classAndNumber, HuffmanSpec spec) {
        out.put(classAndNumber);
        for (int count : spec.counts()) {
            out.put(count);
        }
        for (int symbol : spec.symbols()) {
            out.put(symbol);
        }
    }

    /**
     * The bytes before the scan, built once per frame. Segments are written in place and their lengths filled in
     * when they end; {@code ByteArrayOutputStream}, a stream per segment with a lock per byte, made this the largest
     * of the JIT's compilations on a turned camera's capture thread (13.5 MiB of compiler memory).
     */
    private static final class HeaderBytes {
        private byte[] bytes = new byte[1024];
        private int size;

        void put(int value) {
            room(1);
            bytes[size++] = (byte) value;
        }

        void put(byte[] values) {
            room(values.length);
            System.arraycopy(values, 0, bytes, size, values.length);
            size += values.length;
        }

        void u16(int value) {
            put(value >> 8);
            put(value);
        }

        /** Starts a marker segment; returns where its length goes, for {@link #end(int)}. */
        int begin(int marker) {
            put(0xFF);
            put(marker);
            u16(0);
            return size - 2;
        }

        void end(int lengthAt) {
            int length = size - lengthAt;
            if (length > 0xFFFF) {
                throw new IllegalArgumentException("marker segment of " + (length - 2) + " bytes is too long");
            }
            bytes[lengthAt] = (byte) (length >> 8);
            bytes[lengthAt + 1] = (byte) length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
