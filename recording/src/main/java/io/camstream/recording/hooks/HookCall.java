package io.camstream.recording.hooks;

import io.camstream.recording.events.MotionEvent;

import java.time.Instant;

/**
 * What a hook is told: which camera, whether the event started or ended, and the event.
 *
 * @param camera the camera's name
 * @param phase  {@code start} or {@code end}
 * @param event  the event as it is then
 */
public record HookCall(String camera, String phase, MotionEvent event) {

    /** @return the event's start for {@code start}, its end for {@code end} */
    public Instant time() {
        return "end".equals(phase) ? event.end().orElse(event.start()) : event.start();
    }
}
