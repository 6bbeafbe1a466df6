package io.camstream.driver.http;

import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An HTTP camera's settings, read from its config node.
 *
 * @param url            the stream or snapshot URL, without credentials
 * @param mode           {@code mjpeg} or {@code snapshot}
 * @param fps            how often a snapshot is fetched (snapshot mode only)
 * @param credentials    user and password for Basic auth, from the keys or from the URL
 * @param connectTimeout the longest wait for the TCP (and TLS) connection
 * @param readTimeout    the longest wait for the response headers and, after them, for any further byte
 * @param maxFrameBytes  the largest JPEG accepted; a bigger part fails the capture
 * @param redirectsToAnyHost {@code follow-redirects: any}: redirects to other hosts are followed too
 */
record HttpSettings(URI url,
                    String mode,
                    int fps,
                    Optional<Credentials> credentials,
                    Duration connectTimeout,
                    Duration readTimeout,
                    int maxFrameBytes,
                    boolean redirectsToAnyHost) {

    /** The keys read here. */
    static final Set<String> KEYS = Set.of("url", "mode", "fps", "username", "password",
            "connect-timeout", "read-timeout", "max-frame-bytes", "follow-redirects");

    static final String MJPEG = "mjpeg";
    static final String SNAPSHOT = "snapshot";
    static final String SAME_HOST = "same-host";
    static final String ANY = "any";

    private static final String URL_ALLOWED = "an http:// or https:// URL, for example http://192.168.1.20/video.mjpg";

    /**
     * User and password for upstream Basic auth.
     *
     * @param username the user
     * @param password the password, possibly empty
     */
    record Credentials(String username, String password) {

        @Override
        public String toString() {
            return "Credentials[" + username + ", password hidden]";
        }
    }

    /**
     * Reads and checks the settings.
     *
     * @param camera the camera's node
     * @return the settings
     * @throws io.camstream.spi.CameraConfigException when a value is missing, of the wrong type or out of range
     */
    static HttpSettings from(Config camera) {
        URI given = url(camera);
        Optional<Credentials> credentials = credentials(camera, given);
        return new HttpSettings(
                withoutUserInfo(given),
                ConfigValues.choiceValue(camera, "mode", MJPEG, Set.of(MJPEG, SNAPSHOT)),
                ConfigValues.intValue(camera, "fps", 1, 1, 60),
                credentials,
                ConfigValues.durationValue(camera, "connect-timeout", Duration.ofSeconds(5),
                        Duration.ofMillis(100), Duration.ofMinutes(5)),
                ConfigValues.durationValue(camera, "read-timeout", Duration.ofSeconds(10),
                        Duration.ofMillis(100), Duration.ofMinutes(5)),
                ConfigValues.intValue(camera, "max-frame-bytes", 8 * 1024 * 1024, 1024, 256 * 1024 * 1024),
                ConfigValues.choiceValue(camera, "follow-redirects", SAME_HOST, Set.of(SAME_HOST, ANY)).equals(ANY));
    }

    private static URI url(Config camera) {
        String text = ConfigValues.stringValue(camera, "url").orElseThrow(() -> ConfigValues.error(camera, "url",
                "", "is required for driver 'http'", URL_ALLOWED));
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw ConfigValues.error(camera, "url", text, "is not a URL (" + e.getReason() + ")", URL_ALLOWED);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw ConfigValues.error(camera, "url", text, "is not an http or https URL with a host", URL_ALLOWED);
        }
        return uri;
    }

    /** The keys win; otherwise {@code http://user:password@host/} is honoured, as cameras' manuals write it. */
    private static Optional<Credentials> credentials(Config camera, URI url) {
        Optional<String> username = ConfigValues.stringValue(camera, "username");
        Optional<String> password = ConfigValues.stringValue(camera, "password");
        if (username.isPresent()) {
            return Optional.of(new Credentials(username.get(), password.orElse("")));
        }
        if (password.isPresent()) {
            throw ConfigValues.error(camera, "password", "(hidden)", "is set without a username",
                    "a password together with 'username'");
        }
        String userInfo = url.getRawUserInfo();
        if (userInfo == null) {
            return Optional.empty();
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String pass = colon < 0 ? "" : userInfo.substring(colon + 1);
        return Optional.of(new Credentials(decode(user), decode(pass)));
    }

    /** Percent-decoding only: in a URL's user part '+' is a plus sign, not a space. */
    private static String decode(String userInfoPart) {
        return URLDecoder.decode(userInfoPart.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        String authority = url.getRawAuthority().substring(url.getRawAuthority().indexOf('@') + 1);
        return URI.create(url.getScheme() + "://" + authority
                + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }
}
