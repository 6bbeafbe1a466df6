package io.camstream.recording.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * The record layer of camstream's files (segments of frames, journals of events): each record is a 12-byte header
 * and a payload, written with one call, so that a process killed at any moment leaves every earlier record whole.
 * <pre>
 *   sync     2 bytes  0xCA 0x5E, where a reader resynchronises after damage
 *   type     1 byte   see {@link RecordType}
 *   reserved 1 byte   0
 *   length   4 bytes  payload length, big-endian
 *   crc      4 bytes  CRC-32C of type, reserved, length and payload
 *   payload  length bytes
 * </pre>
 */
final class RecordFormat {

    static final short SYNC = (short) 0xCA5E;
    static final int HEADER_BYTES = 12;

    private RecordFormat() {
    }

    /**
     * Writes one record with one gathering write (repeated only if the system writes less at once).
     *
     * @param header  a buffer of {@link #HEADER_BYTES} for the header, reused
     * @return the bytes written
     * @throws IOException when the write fails; part of the record may then be in the file
     */
    static long write(FileChannel channel, ByteBuffer header, RecordType type, ByteBuffer... payload)
            throws IOException {
        header(header, type, payload);
        ByteBuffer[] parts = new ByteBuffer[payload.length + 1];
        parts[0] = header;
        System.arraycopy(payload, 0, parts, 1, payload.length);
        long total = 0;
        for (ByteBuffer part : parts) {
            total += part.remaining();
        }
        long written = 0;
        while (written < total) {
            written += channel.write(parts);
        }
        return total;
    }

    /** Fills a header for a payload made of the given parts, in order. */
    static void header(ByteBuffer header, RecordType type, ByteBuffer... payload) {
        int length = 0;
        for (ByteBuffer part : payload) {
            length += part.remaining();
        }
        header.clear();
        header.putShort(SYNC).put(type.code()).put((byte) 0).putInt(length).putInt(crc(type.code(), length, payload));
        header.flip();
    }

    static int crc(byte type, int length, ByteBuffer... payload) {
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(0);
        crc.update(length >>> 24);
        crc.update(length >>> 16);
        crc.update(length >>> 8);
        crc.update(length);
        for (ByteBuffer part : payload) {
            crc.update(part.duplicate());
        }
        return (int) crc.getValue();
    }
}
