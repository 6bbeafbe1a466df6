package io.camstream.server.http;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.ViewerOptions;
import io.camstream.core.text.Printable;
import io.helidon.common.parameters.Parameters;
import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;

/**
 * What a stream's query asks for: {@code fps=N} (a cap for this viewer), and µStreamer's {@code advance_headers=1}
 * and {@code dual_final_frames=1} browser workarounds.
 *
 * @param viewer         the viewer's wishes, as the feed takes them
 * @param advanceHeaders send each part's headers right after the previous boundary
 */
record StreamRequest(ViewerOptions viewer, boolean advanceHeaders) {

    /** Thrown for a query that cannot be served; the message says what is allowed. */
    static final class Invalid extends Exception {
        // the reason quotes what the client sent: its control characters are escaped
        Invalid(String message) {
            super(Printable.escape(message));
        }
    }

    static StreamRequest of(ServerRequest req, CameraFeed feed) throws Invalid {
        return of(req.query(), feed.settings().fps(), req.remotePeer().address().toString());
    }

    static StreamRequest of(Parameters query, int cameraFps, String remote) throws Invalid {
        double fps = fps(query, cameraFps);
        boolean advance = flag(query, "advance_headers");
        boolean dual = flag(query, "dual_final_frames");
        return new StreamRequest(new ViewerOptions(Optional.of(remote), fps, dual), advance);
    }

    private static double fps(Parameters query, int cameraFps) throws Invalid {
        if (!query.contains("fps")) {
            return 0;
        }
        String text = query.first("fps").orElse("");
        String allowed = "fps must be a number above 0 and at most " + cameraFps + ", the camera's frame rate";
        double fps;
        try {
            fps = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new Invalid("'" + text + "' is not a number: " + allowed);
        }
        if (!(fps > 0 && fps <= cameraFps)) {
            throw new Invalid("fps=" + text + " is out of range: " + allowed);
        }
        return fps;
    }

    private static boolean flag(Parameters query, String name) throws Invalid {
        String value = query.first(name).orElse("0");
        return switch (value) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new Invalid(name + "='" + value + "' is not 0, 1, true or false");
        };
    }
}
