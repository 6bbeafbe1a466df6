package io.camstream.bench.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * Newest frame wins: only the latest part is offered; a viewer still writing an older one gets the latest when it
 * finishes, and viewers that have sent the latest wait for the next. Used by the selector thread only.
 */
final class FanOut {

    /** Parts are allocated with room to spare so that frames of varying size reuse them. */
    private static final int ROUND_UP = 16 * 1024;

    private final List<SharedPart> free = new ArrayList<>();
    private List<ReferenceViewer> waiting = new ArrayList<>();
    private List<ReferenceViewer> woken = new ArrayList<>();
    private SharedPart latest;
    private long serial;

    void publish(byte[] bytes) {
        SharedPart part = take(bytes.length);
        part.fill(++serial, bytes);
        SharedPart previous = latest;
        latest = part;
        if (previous != null && previous.unread()) {
            free.add(previous);
        }
        List<ReferenceViewer> ready = waiting;
        waiting = woken;
        woken = ready;
        for (ReferenceViewer viewer : ready) {
            viewer.send();
        }
        ready.clear();
    }

    /**
     * The part a viewer should write next.
     *
     * @param viewer     the viewer
     * @param sentSerial the serial of the part it wrote last, 0 for none
     * @return the latest part when it is newer, else {@code null}, and the viewer is sent the next one when it comes
     */
    SharedPart next(ReferenceViewer viewer, long sentSerial) {
        if (latest != null && latest.serial() > sentSerial) {
            return latest;
        }
        waiting.add(viewer);
        return null;
    }

    void release(SharedPart part) {
        if (part.release() && part != latest) {
            free.add(part);
        }
    }

    private SharedPart take(int size) {
        for (int i = free.size() - 1; i >= 0; i--) {
            if (free.get(i).fits(size)) {
                return free.remove(i);
            }
        }
        return new SharedPart((size / ROUND_UP + 1) * ROUND_UP);
    }
}
