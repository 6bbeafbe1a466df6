package io.camstream.server;

import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java's HTTP client: HTTP/2 over plain TCP (h2c, by upgrade on the first request) or over TLS (ALPN), or
 * HTTP/1.1 over TLS. One client per wire, so its requests share a connection as a browser's would.
 */
final class JdkWire implements Wire {

    private final HttpClient client;
    private final String base;
    private final HttpClient.Version version;
    private final String name;

    private JdkWire(HttpClient client, String base, HttpClient.Version version, String name) {
        this.client = client;
        this.base = base;
        this.version = version;
        this.name = name;
    }

    static JdkWire h2c(int port) {
        return new JdkWire(builder(HttpClient.Version.HTTP_2).build(), "http://127.0.0.1:" + port,
                HttpClient.Version.HTTP_2, "h2c");
    }

    static JdkWire tls(int port, HttpClient.Version version, SSLContext tls) {
        return new JdkWire(builder(version).sslContext(tls).build(), "https://127.0.0.1:" + port, version,
                version + " over TLS");
    }

    private static HttpClient.Builder builder(HttpClient.Version version) {
        return HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Answer exchange(String method, String target, Optional<String> authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target))
                .timeout(Duration.ofSeconds(15))
                .method(method, HttpRequest.BodyPublishers.noBody());
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        Map<String, String> headers = new TreeMap<>();
        response.headers().map().forEach((header, values) -> headers.put(header, String.join(", ", values)));
        boolean stream = Wire.isStream(headers.get("content-type"));
        byte[] body;
        try (InputStream in = response.body()) {
            body = stream && !method.equals("HEAD") ? Wire.firstFrame(in) : in.readAllBytes();
        }
        assertThat(response.version()).as("%s %s on %s", method, target, name).isEqualTo(version);
        return new Answer(response.statusCode(), headers, body, stream);
    }

    @Override
    public void close() {
        client.close();
    }
}
