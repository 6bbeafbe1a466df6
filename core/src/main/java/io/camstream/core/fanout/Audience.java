package io.camstream.core.fanout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The viewers attached to one camera, streams and snapshots alike: the one record of who watches, from which the
 * feed decides when capture may stop, the API lists the streams, and the camera's sent figures are summed.
 * <p>
 * What viewers sent is counted by each viewer alone (a shared counter updated by hundreds of viewers per frame cost
 * more than anything else a viewer does per frame besides writing) and summed when read; a viewer that leaves hands
 * its figures over to the retired totals in one step with leaving, so the sums never go down.
 */
final class Audience {

    private final Set<Viewer> viewers = new HashSet<>();
    private long retiredFrames;
    private long retiredBytes;

    synchronized void join(Viewer viewer) {
        viewers.add(viewer);
    }

    /** @return {@code true} when no viewer is left */
    synchronized boolean leave(Viewer viewer) {
        if (viewers.remove(viewer)) {
            retiredFrames += viewer.framesSent();
            retiredBytes += viewer.bytesSent();
        }
        return viewers.isEmpty();
    }

    synchronized int size() {
        return viewers.size();
    }

    /** The viewers of a stream, those with a remote address; snapshots are left out. */
    synchronized List<Viewer> streaming() {
        List<Viewer> streaming = new ArrayList<>();
        for (Viewer viewer : viewers) {
            if (viewer.options().remoteAddress().isPresent()) {
                streaming.add(viewer);
            }
        }
        return streaming;
    }

    synchronized long framesSent() {
        return retiredFrames + sum(Viewer::framesSent);
    }

    synchronized long bytesSent() {
        return retiredBytes + sum(Viewer::bytesSent);
    }

    private long sum(ToLongFunction<Viewer> figure) {
        long total = 0;
        for (Viewer viewer : viewers) {
            total += figure.applyAsLong(viewer);
        }
        return total;
    }
}
