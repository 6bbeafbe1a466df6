package io.camstream.core.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes the entropy-coded data of one baseline scan (T.81 F.2): Huffman codes, stuffed {@code FF 00} bytes and
 * restart markers. Hands each block to a {@link BlockSink}.
 * <p>
 * Bits past the end of the data read as zeros, so a decoder never waits for bytes; a scan that actually uses such
 * bits is truncated and fails. Every block takes at least two bits, so the work is bounded by the picture's size.
 */
final class ScanDecoder {

    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);

    private final byte[] data;
    private final int end;
    private final short[] block = new short[64];

    private int pos;
    private long bits;
    private int count;
    /** The reader stopped at a marker (or the end of the data) and is feeding zero bytes. */
    private boolean atMarker;
    private int paddingBytes;
    private long nonZero;

    ScanDecoder(byte[] data, int end) {
        this.data = data;
        this.end = end;
    }

    /**
     * Decodes one scan.
     *
     * @param start the first byte after the SOS segment
     * @return the position of the marker that follows the scan
     */
    int decode(int start, JpegFrame frame, int[] components, HuffmanLookup[] dc, HuffmanLookup[] ac,
               int restartInterval, BlockSink sink) {
        pos = start;
        resetBits();
        int n = components.length;
        int[] predictions = new int[n];
        int mcusWide;
        int mcusHigh;
        if (n == 1) {
            mcusWide = Math.ceilDiv(frame.componentWidth(components[0]), 8);
            mcusHigh = Math.ceilDiv(frame.componentHeight(components[0]), 8);
        } else {
            mcusWide = frame.mcusWide();
            mcusHigh = frame.mcusHigh();
        }
        int[] h = new int[n];
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            FrameComponent c = frame.components().get(components[i]);
            h[i] = n == 1 ? 1 : c.h();
            v[i] = n == 1 ? 1 : c.v();
        }
        int total = mcusWide * mcusHigh;
        int restartsLeft = restartInterval;
        int nextRestart = 0;
        for (int mcu = 0; mcu < total; mcu++) {
            if (restartInterval > 0) {
                if (restartsLeft == 0) {
                    restart(nextRestart);
                    nextRestart = (nextRestart + 1) & 7;
                    restartsLeft = restartInterval;
                    Arrays.fill(predictions, 0);
                }
                restartsLeft--;
            }
            int mx = mcu % mcusWide;
            int my = mcu / mcusWide;
            for (int i = 0; i < n; i++) {
                for (int by = 0; by < v[i]; by++) {
                    for (int bx = 0; bx < h[i]; bx++) {
                        predictions[i] = decodeBlock(dc[i], ac[i], predictions[i]);
                        sink.block(components[i], mx * h[i] + bx, my * v[i] + by, block, nonZero);
                        Arrays.fill(block, (short) 0);
                    }
                }
            }
            if (atMarker && paddingBytes * 8 > count) {
                throw new JpegException("entropy-coded data ends early at byte " + pos + " (truncated JPEG)");
            }
        }
        return markerAfterScan();
    }

    private int decodeBlock(HuffmanLookup dcTable, HuffmanLookup acTable, int prediction) {
        if (count < 16) {
            fill();
        }
        int dcEntry = dcTable.fastValue[peek()];
        int size;
        int diff;
        if (dcEntry != 0) {
            count -= dcEntry & 0xFF;
            size = dcEntry >> 8 & 0xFF;
            diff = dcEntry >> 16;
        } else {
            size = decodeSymbol(dcTable);
            diff = size == 0 || size > 11 ? 0 : extend(receive(size), size);
        }
        if (size > 11) {
            throw new JpegException("DC difference of " + size + " bits at byte " + pos + " (corrupt data)");
        }
        int dc = prediction + diff;
        if (dc < -2048 * 8 || dc > 2047 * 8) {
            throw new JpegException("DC coefficient " + dc + " out of range at byte " + pos + " (corrupt data)");
        }
        block[0] = (short) dc;
        nonZero = 1;
        int[] fastValue = acTable.fastValue;
        for (int k = 1; k < 64; k++) {
            if (count < 16) {
                fill();
            }
            int entry = fastValue[peek()];
            if (entry != 0) {
                // A symbol and its value in one look-up.
                count -= entry & 0xFF;
                if ((entry & 0xFF00) == 0) {
                    break;
                }
                k += (entry >> 12) & 15;
                if (k > 63) {
                    throw new JpegException("AC coefficient beyond the block at byte " + pos + " (corrupt data)");
                }
                int natural = ZigZag.NATURAL[k];
                block[natural] = (short) (entry >> 16);
                nonZero |= 1L << natural;
                continue;
            }
            int rs = decodeSymbol(acTable);
            int run = rs >> 4;
            int s = rs & 15;
            if (s == 0) {
                if (run != 15) {
                    break;
                }
                k += 15;
                continue;
            }
            k += run;
            if (k > 63 || s > 10) {
                throw new JpegException("AC coefficient beyond the block at byte " + pos + " (corrupt data)");
            }
            int natural = ZigZag.NATURAL[k];
            block[natural] = (short) extend(receive(s), s);
            nonZero |= 1L << natural;
        }
        return dc;
    }

    private int decodeSymbol(HuffmanLookup table) {
        if (count < 16) {
            fill();
        }
        int entry = table.fast[peek()];
        if (entry >= 0) {
            count -= entry >> 8;
            return entry & 0xFF;
        }
        int code = (int) (bits >>> (count - 16)) & 0xFFFF;
        for (int length = HuffmanLookup.FAST_BITS + 1; length <= 16; length++) {
            int prefix = code >>> (16 - length);
            if (prefix <= table.maxCode[length]) {
                count -= length;
                return table.symbols[table.offset[length] + prefix];
            }
        }
        throw new JpegException("invalid Huffman code at byte " + pos + " (corrupt data)");
    }

    /** The next {@link HuffmanLookup#FAST_BITS} bits; the buffer must hold at least as many. */
    private int peek() {
        return (int) (bits >>> (count - HuffmanLookup.FAST_BITS)) & ((1 << HuffmanLookup.FAST_BITS) - 1);
    }

    private int receive(int size) {
        if (count < size) {
            fill();
        }
        count -= size;
        return (int) (bits >>> count) & ((1 << size) - 1);
    }

    private static int extend(int value, int size) {
        return value < (1 << (size - 1)) ? value - (1 << size) + 1 : value;
    }

    /** Tops the bit buffer up to more than 56 bits. */
    private void fill() {
        if (!atMarker && count <= 56 && pos + 8 <= end) {
            // Most of the time the next eight bytes hold no FF (no stuffing, no marker): as many as fit go in at once.
            long word = (long) BIG_ENDIAN_LONG.get(data, pos);
            long inverted = ~word;
            if (((inverted - 0x0101_0101_0101_0101L) & ~inverted & 0x8080_8080_8080_8080L) == 0) {
                int take = (64 - count) >> 3;
                int taken = take * 8;
                bits = taken == 64 ? word : bits << taken | word >>> (64 - taken);
                count += taken;
                pos += take;
                return;
            }
        }
        while (count <= 56) {
            int b = 0;
            if (atMarker) {
                paddingBytes++;
            } else if (pos >= end) {
                atMarker = true;
                continue;
            } else {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    if (pos + 1 < end && data[pos + 1] == 0) {
                        pos += 2;
                    } else {
                        atMarker = true;
                        continue;
                    }
                } else {
                    pos++;
                }
            }
            bits = (bits << 8) | b;
            count += 8;
        }
    }

    private void resetBits() {
        bits = 0;
        count = 0;
        atMarker = false;
        paddingBytes = 0;
    }

    /** Expects RSTn after the bits of an interval (skipping what an encoder may have left before it). */
    private void restart(int expected) {
        if (atMarker && paddingBytes * 8 > count) {
            throw new JpegException("restart interval ends early at byte " + pos + " (truncated JPEG)");
        }
        int marker = skipToMarker();
        if (marker != 0xD0 + expected) {
            throw new JpegException(String.format("expected restart marker RST%d at byte %d, found %s",
                    expected, pos, marker < 0 ? "the end of the data" : String.format("FF %02X", marker)));
        }
        pos += 2;
        resetBits();
    }

    private int markerAfterScan() {
        int marker = skipToMarker();
        if (marker < 0) {
            throw new JpegException("the data ends inside the scan, without EOI (truncated JPEG)");
        }
        return pos;
    }

    /** Moves to the next marker (not a stuffed byte), past fill bytes; returns it, or -1 at the end of the data. */
    private int skipToMarker() {
        while (pos + 1 < end) {
            if ((data[pos] & 0xFF) == 0xFF) {
                int next = data[pos + 1] & 0xFF;
                if (next != 0 && next != 0xFF) {
                    return next;
                }
                pos += next == 0 ? 2 : 1;
            } else {
                pos++;
            }
        }
        return -1;
    }
}
