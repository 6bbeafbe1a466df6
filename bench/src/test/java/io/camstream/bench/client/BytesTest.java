package io.camstream.bench.client;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

class BytesTest {

    @Test
    void findsTheFirstMatchAtEveryPositionInEitherByteOrder() {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (int at = 0; at < 40; at++) {
                ByteBuffer buffer = ByteBuffer.allocate(40).order(order);
                buffer.put(at, (byte) '\n');
                if (at + 3 < 40) {
                    buffer.put(at + 3, (byte) '\n');
                }
                assertThat(Bytes.indexOf(buffer, 0, 40, Bytes.LF)).as("%s at %d", order, at).isEqualTo(at);
                assertThat(Bytes.indexOf(buffer, 0, at, Bytes.LF)).as("%s before %d", order, at).isEqualTo(-1);
            }
        }
    }

    @Test
    void neighboursOfTheValueAreNotTakenForIt() {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        for (int i = 0; i < 32; i++) {
            buffer.put(i, (byte) (i % 2 == 0 ? 0x0B : 0x8A));
        }
        buffer.put(29, (byte) 0x0A);
        assertThat(Bytes.indexOf(buffer, 0, 32, Bytes.LF)).isEqualTo(29);
    }
}
