package io.camstream.bench.reference;

import java.nio.ByteBuffer;

/**
 * One frame's multipart part in a direct buffer, written to every viewer through its own view. The buffer is
 * reused for a later frame once no viewer is writing it and it is not the newest.
 */
final class SharedPart {

    private final ByteBuffer buffer;
    private long serial;
    private int readers;

    SharedPart(int capacity) {
        buffer = ByteBuffer.allocateDirect(capacity);
    }

    boolean fits(int size) {
        return buffer.capacity() >= size;
    }

    void fill(long serial, byte[] part) {
        this.serial = serial;
        buffer.clear().put(part).flip();
    }

    long serial() {
        return serial;
    }

    /** A view for one more viewer to write from. */
    ByteBuffer view() {
        readers++;
        return buffer.duplicate();
    }

    /** @return whether no viewer writes this part any more */
    boolean release() {
        return --readers == 0;
    }

    boolean unread() {
        return readers == 0;
    }
}
