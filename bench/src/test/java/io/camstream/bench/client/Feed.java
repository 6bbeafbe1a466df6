package io.camstream.bench.client;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Feeds bytes to a fresh parser in pieces, each placed at an offset inside a larger buffer, as reads would.
 */
final class Feed {

    /** What the listener was told about one part. */
    record Part(int size, boolean valid, long timestampMicros) {
    }

    private Feed() {
    }

    static List<Part> whole(byte[] stream) {
        return cutAt(stream, List.of());
    }

    static List<Part> cutAt(byte[] stream, Iterable<Integer> cuts) {
        List<Part> parts = new ArrayList<>();
        StreamParser parser = new StreamParser((size, valid, ts) -> parts.add(new Part(size, valid, ts)));
        int from = 0;
        int piece = 0;
        for (int cut : cuts) {
            feed(parser, stream, from, cut, piece++);
            from = cut;
        }
        feed(parser, stream, from, stream.length, piece);
        return parts;
    }

    static List<Part> randomCuts(byte[] stream, long seed, int count) {
        Random random = new Random(seed);
        TreeSet<Integer> cuts = new TreeSet<>();
        while (cuts.size() < Math.min(count, stream.length - 1)) {
            cuts.add(1 + random.nextInt(stream.length - 1));
        }
        return cutAt(stream, cuts);
    }

    static List<Part> byteByByte(byte[] stream) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < stream.length; i++) {
            cuts.add(i);
        }
        return cutAt(stream, cuts);
    }

    private static void feed(StreamParser parser, byte[] stream, int from, int to, int piece) {
        int offset = 3 + piece % 5;
        ByteBuffer buffer = piece % 2 == 0
                ? ByteBuffer.allocateDirect(to - from + 16).order(ByteOrder.LITTLE_ENDIAN)
                : ByteBuffer.allocate(to - from + 16);
        buffer.put(offset, stream, from, to - from);
        parser.accept(buffer, offset, offset + to - from);
    }
}
