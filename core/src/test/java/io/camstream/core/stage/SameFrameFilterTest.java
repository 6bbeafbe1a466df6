package io.camstream.core.stage;

import io.camstream.spi.Frame;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SameFrameFilterTest {

    private static final byte[] STILL = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
    private static final byte[] MOVED = {(byte) 0xFF, (byte) 0xD8, 1, 2, 4, (byte) 0xFF, (byte) 0xD9};

    private final RecordingSink next = new RecordingSink();
    private final SameFrameFilter filter = new SameFrameFilter(next);

    @Test
    void aFrameByteForByteTheSameAsTheOneBeforeIsNotPassedOnButSaidToBeUnchanged() {
        filter.frame(frame(1, STILL));
        filter.frame(frame(2, STILL.clone()));
        filter.frame(frame(3, MOVED));
        filter.frame(frame(4, STILL));
        filter.frame(frame(5, STILL));
        assertThat(next.events).containsExactly("frame 1", "unchanged", "frame 3", "frame 4", "unchanged");
    }

    @Test
    void theFirstFrameAfterNoSignalIsPassedOnEvenWhenItIsTheSameAsTheLastBefore() {
        filter.frame(frame(1, STILL));
        filter.noSignal("lens cap on");
        filter.frame(frame(2, STILL));
        filter.frame(frame(3, STILL));
        assertThat(next.events).containsExactly("frame 1", "no signal: lens cap on", "frame 2", "unchanged");
    }

    private static Frame frame(long sequence, byte[] jpeg) {
        return new Frame(jpeg, sequence, Instant.EPOCH, 1, 1);
    }
}
