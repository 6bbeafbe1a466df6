package io.camstream.recording.events;

import java.time.Instant;
import java.util.Optional;

/**
 * A stretch of motion one camera saw.
 *
 * @param id        the event's number, unique per camera and growing
 * @param start     the capture time of the first frame of the motion that started it
 * @param end       the capture time of its last frame with motion; empty while the event goes on
 * @param peakScore the largest share of the picture that changed from one analysed frame to the next, 0 to 1
 * @param peakTime  when that was
 */
public record MotionEvent(long id, Instant start, Optional<Instant> end, double peakScore, Instant peakTime) {

    /** @return whether the event has ended */
    public boolean ended() {
        return end.isPresent();
    }
}
