package io.camstream.server.http;

import java.nio.charset.StandardCharsets;

/**
 * Bytes framed once as one HTTP/1.1 chunk ({@code size CRLF data CRLF}), so that every viewer of a frame writes
 * the same array instead of each having the server copy the frame into a chunk of its own.
 *
 * @param framed     the chunk as it goes on the wire
 * @param dataOffset where the data starts in {@code framed}
 * @param dataLength the data's length
 */
record HttpChunk(byte[] framed, int dataOffset, int dataLength) {

    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * Frames data as one chunk.
     *
     * @param data the chunk's data, not empty (an empty chunk ends a body)
     * @return the chunk
     */
    static HttpChunk of(byte[] data) {
        if (data.length == 0) {
            throw new IllegalArgumentException("an empty chunk would end the response");
        }
        byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[size.length + data.length + CRLF.length];
        System.arraycopy(size, 0, framed, 0, size.length);
        System.arraycopy(data, 0, framed, size.length, data.length);
        System.arraycopy(CRLF, 0, framed, size.length + data.length, CRLF.length);
        return new HttpChunk(framed, size.length, data.length);
    }
}
