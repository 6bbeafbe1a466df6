package io.camstream.core.jpeg;

/**
 * A marker segment kept as it was read: an APPn (EXIF, JFIF, Adobe) or a comment.
 *
 * @param marker  the marker's second byte, such as {@code 0xE1} for APP1
 * @param payload the bytes after the length field
 */
public record Segment(int marker, byte[] payload) {
}
