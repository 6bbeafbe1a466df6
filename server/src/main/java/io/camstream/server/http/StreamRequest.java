package io.camstream.server.http;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.ViewerOptions;
import io.camstream.core.text.Printable;
import io.camstream.core.variant.VariantSpec;
import io.camstream.core.variant.Variants;
import io.helidon.common.parameters.Parameters;
import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;

/**
 * What a stream's query asks for: {@code fps=N} (a cap for this viewer), µStreamer's {@code advance_headers=1}
 * and {@code dual_final_frames=1} browser workarounds, and {@code width=N} and {@code quality=Q} for a smaller
 * picture ({@link #variant}, which snapshots take too).
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
        return of(req.query(), feed.settings().fps(), req.remotePeer().address().toString(), feed.variants());
    }

    static StreamRequest of(Parameters query, int cameraFps, String remote, Variants variants) throws Invalid {
        double fps = fps(query, cameraFps);
        boolean advance = flag(query, "advance_headers");
        boolean dual = flag(query, "dual_final_frames");
        return new StreamRequest(new ViewerOptions(Optional.of(remote), fps, dual, variant(query, variants)), advance);
    }

    /**
     * The picture a stream or snapshot asks for with {@code width=} and {@code quality=}, either or both.
     *
     * @param req  the request
     * @param feed its camera, whose ladder says which widths are offered
     * @return the variant, or empty for the camera's own picture
     * @throws Invalid naming the allowed values
     */
    static Optional<VariantSpec> variant(ServerRequest req, CameraFeed feed) throws Invalid {
        return variant(req.query(), feed.variants());
    }

    private static Optional<VariantSpec> variant(Parameters query, Variants variants) throws Invalid {
        if (!query.contains("width") && !query.contains("quality")) {
            return Optional.empty();
        }
        int width = query.contains("width")
                ? whole(query, "width", 1, Integer.MAX_VALUE, variants.allowedWidths())
                : VariantSpec.FULL_WIDTH;
        int quality = query.contains("quality")
                ? whole(query, "quality", 1, 100, "1 to 100")
                : VariantSpec.DEFAULT_QUALITY;
        VariantSpec spec = new VariantSpec(width, quality);
        Optional<String> problem = variants.problem(spec);
        if (problem.isPresent()) {
            throw new Invalid(problem.get());
        }
        return Optional.of(spec);
    }

    private static int whole(Parameters query, String name, int min, int max, String allowed) throws Invalid {
        String text = query.first(name).orElse("");
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new Invalid(name + "='" + text + "' is not a whole number (allowed: " + allowed + ")");
        }
        if (value < min || value > max) {
            throw new Invalid(name + "=" + text + " is out of range (allowed: " + allowed + ")");
        }
        return value;
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
