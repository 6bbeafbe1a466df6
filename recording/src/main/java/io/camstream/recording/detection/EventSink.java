package io.camstream.recording.detection;

import io.camstream.recording.events.MotionEvent;

/** Where detection reports its events: to be stored, and to the hooks. Called on the detection thread. */
public interface EventSink {

    /**
     * An event started.
     *
     * @param event     the event, without an end
     * @param thumbnail a small JPEG of its strongest moment so far, or an empty array
     */
    void started(MotionEvent event, byte[] thumbnail);

    /**
     * An event ended.
     *
     * @param event     the event, with its end
     * @param thumbnail a small JPEG of its strongest moment, or an empty array
     */
    void ended(MotionEvent event, byte[] thumbnail);
}
