package io.camstream.core.jpeg;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
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
        return coded ? java.util.Arrays.copyOf(out.bytes(), out.size()) : null;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        out.write(0xFF);
        out.write(0xD8);
        for (Segment segment : segments) {
            segment(out, segment.marker(), segment.payload());
        }
        boolean wide = false;
        ByteArrayOutputStream dqt = new ByteArrayOutputStream();
        boolean[] done = new boolean[4];
        for (FrameComponent c : frame.components()) {
            int[] table = image.headers().quantTables()[c.quantTable()];
            if (done[c.quantTable()]) {
                continue;
            }
            done[c.quantTable()] = true;
            boolean sixteen = java.util.Arrays.stream(table).anyMatch(q -> q > 255);
            wide |= sixteen;
            dqt.write((sixteen ? 0x10 : 0) | c.quantTable());
            for (int k = 0; k < 64; k++) {
                int q = table[ZigZag.NATURAL[k]];
                if (sixteen) {
                    dqt.write(q >> 8);
                }
                dqt.write(q);
            }
        }
        segment(out, 0xDB, dqt.toByteArray());
        ByteArrayOutputStream sof = new ByteArrayOutputStream();
        sof.write(8);
        u16(sof, frame.height());
        u16(sof, frame.width());
        sof.write(frame.components().size());
        for (FrameComponent c : frame.components()) {
            sof.write(c.id());
            sof.write(c.h() << 4 | c.v());
            sof.write(c.quantTable());
        }
        segment(out, wide ? 0xC1 : 0xC0, sof.toByteArray());
        ByteArrayOutputStream dht = new ByteArrayOutputStream();
        for (int i = 0; i < tables.dcSpecs.size(); i++) {
            huffman(dht, i, tables.dcSpecs.get(i));
        }
        for (int i = 0; i < tables.acSpecs.size(); i++) {
            huffman(dht, 0x10 | i, tables.acSpecs.get(i));
        }
        segment(out, 0xC4, dht.toByteArray());
        if (restartInterval > 0) {
            ByteArrayOutputStream dri = new ByteArrayOutputStream();
            u16(dri, restartInterval);
            segment(out, 0xDD, dri.toByteArray());
        }
        ByteArrayOutputStream sos = new ByteArrayOutputStream();
        sos.write(frame.components().size());
        for (int c = 0; c < frame.components().size(); c++) {
            sos.write(frame.components().get(c).id());
            sos.write(tables.dc[c] << 4 | tables.ac[c]);
        }
        sos.write(0);
        sos.write(63);
        sos.write(0);
        segment(out, 0xDA, sos.toByteArray());
        return out.toByteArray();
    }

    private static void huffman(ByteArrayOutputStream out, int classAndNumber, HuffmanSpec spec) {
        out.write(classAndNumber);
        for (int count : spec.counts()) {
            out.write(count);
        }
        for (int symbol : spec.symbols()) {
            out.write(symbol);
        }
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        if (payload.length + 2 > 0xFFFF) {
            throw new IllegalArgumentException("marker segment of " + payload.length + " bytes is too long");
        }
        out.write(0xFF);
        out.write(marker);
        u16(out, payload.length + 2);
        out.write(payload, 0, payload.length);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }
}
