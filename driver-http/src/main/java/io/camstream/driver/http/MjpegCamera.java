package io.camstream.driver.http;

import io.camstream.spi.Camera;
import io.camstream.spi.Frame;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Relays a {@code multipart/x-mixed-replace} stream: one upstream connection for the whole capture, one frame per
 * part. A part that is not a JPEG is dropped; several in a row fail the capture, naming what came instead.
 */
final class MjpegCamera implements Camera {

    private static final int MAX_BAD_PARTS_IN_A_ROW = 5;

    private final Upstream upstream;
    private final MultipartReader reader;
    private final Map<String, String> details;
    private long sequence;

    private MjpegCamera(Upstream upstream, MultipartReader reader, Map<String, String> details) {
        this.upstream = upstream;
        this.reader = reader;
        this.details = details;
    }

    static MjpegCamera open(HttpSettings settings) throws IOException, InterruptedException {
        Upstream upstream = new Upstream(settings);
        try {
            HttpResponse<BodyStream> response = upstream.get();
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            Optional<String> boundary = boundary(contentType, upstream.url());
            MultipartReader reader = new MultipartReader(response.body(), boundary, settings.maxFrameBytes(),
                    upstream.url());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("url", upstream.url());
            details.put("mode", HttpSettings.MJPEG);
            details.put("content type", contentType);
            return new MjpegCamera(upstream, reader, Collections.unmodifiableMap(details));
        } catch (IOException | InterruptedException | RuntimeException e) {
            upstream.close();
            throw e;
        }
    }

    @Override
    public Frame nextFrame() throws IOException {
        for (int bad = 1; ; bad++) {
            MultipartReader.Part part = reader.next();
            try {
                return JpegCheck.frame(part.body(), ++sequence,
                        UpstreamTime.of(Optional.ofNullable(part.headers().get("x-timestamp"))));
            } catch (IllegalArgumentException e) {
                if (bad == MAX_BAD_PARTS_IN_A_ROW) {
                    throw new IOException(upstream.url() + " sent " + bad + " parts in a row that are not JPEG"
                            + " pictures; the last was " + e.getMessage());
                }
            }
        }
    }

    @Override
    public Map<String, String> details() {
        return details;
    }

    @Override
    public void close() {
        upstream.close();
    }

    /**
     * The boundary named by the Content-Type, with quotes and any leading dashes taken off; empty when it names none
     * (ffmpeg's HTTP server, for one, sends {@code application/octet-stream}), so that the body's first line is
     * taken. Pictures and pages are refused at once, since they are no stream.
     */
    static Optional<String> boundary(String contentType, String url) throws IOException {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/") || type.startsWith("text/")) {
            String hint = type.startsWith("image/") ? ": a single picture, use mode: snapshot" : "";
            throw new IOException(url + " answered Content-Type '" + contentType
                    + "', not a multipart/x-mixed-replace MJPEG stream" + hint);
        }
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("boundary")) {
                String value = parameter.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                value = value.replaceFirst("^-+", "");
                if (!value.isEmpty()) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
