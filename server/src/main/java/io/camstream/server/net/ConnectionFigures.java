package io.camstream.server.net;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@link ConnectionGate} has seen since the start: for the health check, the metrics and tests.
 *
 * @param open              connections open now
 * @param clients           client addresses (IPv6: /64 networks) with a connection open now
 * @param busiestClient     the client with the most connections open now
 * @param busiestClientOpen how many that client has open
 * @param accepted          connections admitted
 * @param refused           connections refused: their client, or the server, had no idle connection to close
 * @param evicted           idle connections closed to make room
 * @param slowHeads         connections closed for sending no complete request head in time
 * @param idleClosed        connections closed after {@code keep-alive-timeout} without a request
 * @param acceptFailures    times the listener could not accept (out of descriptors or memory)
 * @param lastAcceptFailure why it could not, the last time
 * @param lastAcceptFailureTime when that was
 * @param listenerLost      why a listener stopped accepting for good, if one did
 */
public record ConnectionFigures(int open, int clients, Optional<String> busiestClient, int busiestClientOpen,
                                long accepted, long refused, long evicted, long slowHeads, long idleClosed,
                                long acceptFailures, Optional<String> lastAcceptFailure,
                                Optional<Instant> lastAcceptFailureTime, Optional<String> listenerLost) {
}
