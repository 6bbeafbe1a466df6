package io.camstream.core.stage;

import io.camstream.core.fanout.FrameSink;
import io.camstream.spi.Frame;

import java.util.ArrayList;
import java.util.List;

/** The end of a stage chain in tests: notes what reached it, in order. */
final class RecordingSink implements FrameSink {

    final List<Frame> frames = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public void frame(Frame frame) {
        frames.add(frame);
        events.add("frame " + frame.sequence());
    }

    @Override
    public void unchanged() {
        events.add("unchanged");
    }

    @Override
    public void noSignal(String reason) {
        events.add("no signal: " + reason);
    }
}
