package io.camstream.server.http;

import io.camstream.core.fanout.CameraFeed;

import java.util.function.BooleanSupplier;

/**
 * A camera the resolver gave a request, and whether the caller's right to it still holds (it ends when the caller
 * loses access to the camera by a change of users or {@code allowed-users}, and a link's at its expiry or when the
 * link key is replaced), for streams that outlive the moment they were let in.
 *
 * @param feed  the camera
 * @param holds {@code false} once the caller may no longer watch it
 */
record Grant(CameraFeed feed, BooleanSupplier holds) {
}
