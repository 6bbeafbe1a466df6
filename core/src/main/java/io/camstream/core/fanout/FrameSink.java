package io.camstream.core.fanout;

import io.camstream.spi.Frame;

/**
 * Where a capture hands what it has: camera frames, word that there is no signal and why, and the bad frames and
 * failures it dealt with, for the counters.
 */
interface FrameSink {

    void frame(Frame frame);

    void noSignal(String reason);

    void rejected(String reason);

    void failed(String reason);
}
