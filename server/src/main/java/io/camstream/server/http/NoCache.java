package io.camstream.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/**
 * Headers that keep browsers and proxies from caching live pictures.
 */
final class NoCache {

    private NoCache() {
    }

    static void apply(ServerResponse res) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store, no-cache, must-revalidate, max-age=0");
        res.header(HeaderNames.PRAGMA, "no-cache");
        res.header(HeaderNames.EXPIRES, "Thu, 01 Jan 1970 00:00:00 GMT");
    }
}
