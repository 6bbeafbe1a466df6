package io.camstream.core.fanout;

import java.util.Optional;

/**
 * What a camera's feed went through since the server started, for the state API and the logs.
 *
 * @param framesPublished camera frames handed to viewers
 * @param framesRejected  frames the driver delivered that failed the checks and were dropped
 * @param restarts        times the driver failed and was restarted
 * @param lastRejection   why the last rejected frame was dropped, if any was
 * @param lastFailure     why the driver last failed, if it ever did
 * @param failing         {@code true} while the driver is down and viewers see NO SIGNAL
 */
public record FeedHealth(long framesPublished,
                         long framesRejected,
                         long restarts,
                         Optional<String> lastRejection,
                         Optional<String> lastFailure,
                         boolean failing) {
}
