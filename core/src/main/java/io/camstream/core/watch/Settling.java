package io.camstream.core.watch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tells when what is seen of each of some things has stopped changing: a file being copied or saved in many small
 * writes changes from one look to the next, and is taken only once it has looked the same for the settle time. The
 * caller looks as often as it likes and passes the time, so tests need no sleeps.
 *
 * @param <K> what is looked at, such as a path
 * @param <S> what is seen of it, such as a {@link FileStamp} (null for "not there")
 */
public final class Settling<K, S> {

    private record Sighting<S>(S seen, long sinceNanos) {
    }

    private final long settleNanos;
    private final Map<K, Sighting<S>> sightings = new HashMap<>();

    /**
     * @param settle how long a thing must look the same before it counts
     */
    public Settling(Duration settle) {
        this.settleNanos = settle.toNanos();
    }

    /**
     * Notes what is seen of a thing now.
     *
     * @param key       the thing
     * @param seen      what it looks like now; may be null
     * @param nowNanos  the time now, from a monotonic clock
     * @return {@code true} when it has looked like this for the settle time; the thing is then forgotten, so the
     *         next change starts afresh
     */
    public boolean settled(K key, S seen, long nowNanos) {
        Sighting<S> sighting = sightings.get(key);
        if (sighting == null || !Objects.equals(sighting.seen(), seen)) {
            sighting = new Sighting<>(seen, nowNanos);
            sightings.put(key, sighting);
        }
        if (nowNanos - sighting.sinceNanos() < settleNanos) {
            return false;
        }
        sightings.remove(key);
        return true;
    }

    /**
     * Forgets a thing, when what is seen of it is what is already in use.
     *
     * @param key the thing
     */
    public void forget(K key) {
        sightings.remove(key);
    }

    /**
     * Whether anything is still settling: a caller that looks now and then should look again soon.
     *
     * @return {@code true} while some thing has changed lately
     */
    public boolean pending() {
        return !sightings.isEmpty();
    }
}
