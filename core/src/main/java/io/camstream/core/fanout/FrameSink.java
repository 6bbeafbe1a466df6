package io.camstream.core.fanout;

import io.camstream.spi.Frame;

/**
 * Where a capture hands what it has: camera frames, or word that there is no signal and why.
 */
interface FrameSink {

    void frame(Frame frame);

    void noSignal(String reason);
}
