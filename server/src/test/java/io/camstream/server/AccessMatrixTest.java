package io.camstream.server;

import io.camstream.server.auth.CameraUse;
import io.camstream.server.http.CameraRoutes;
import io.helidon.http.Method;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GET route the server registered, in every form that names a camera, asked by an anonymous caller, a user
 * who may watch camera {@code vault} and one who may not, with GET and HEAD, over HTTP/1.1, HTTP/1.0, h2c,
 * HTTP/2 over TLS, HTTP/1.1 over TLS and HTTP/1.0 over TLS. The cases come from the server's own routing: a
 * route added later is asked too, and one that skips the camera resolver fails here.
 * <ul>
 *   <li>anonymous: {@code 401} with the Basic challenge, never a picture;</li>
 *   <li>bob, who may not watch {@code vault}: byte for byte the answer for a camera that does not exist
 *       ({@code vbult}, the same length), never {@code vault}'s picture; where the default camera is meant, the
 *       answer for his first camera, as if {@code vault} (the default) did not exist; no listing names it;</li>
 *   <li>alice: {@code vault}'s own picture, a whole JPEG, from every picture route;</li>
 *   <li>HEAD: the GET's status and headers ({@code Content-Length} included) and not one body byte.</li>
 * </ul>
 */
class AccessMatrixTest {

    private static final String VAULT = "vault";
    private static final String NOWHERE = "vbult";
    private static final String ALICE = TestUsers.ALICE;
    private static final String BOB = TestUsers.BOB;
    private static final byte[] VAULT_JPEG = PictureProvider.jpegOf(VAULT);
    private static final byte[] DESK_JPEG = PictureProvider.jpegOf("desk");
    private static final Set<String> FRAMING = Set.of("transfer-encoding", "content-length");

    @TempDir
    static Path dir;
    private static TestCertificate certificate;
    private static RunningServer plain;
    private static RunningServer tls;

    @BeforeAll
    static void start() throws Exception {
        certificate = TestCertificate.in(dir);
        String camstream = "camstream:\n" + TestUsers.aliceAndBob() + """
                    link-key-file: "%s"
                  cameras:
                    - name: vault
                      driver: picture
                      fps: 50
                      allowed-users: [alice]
                    - name: desk
                      driver: picture
                      fps: 50
                """.formatted(dir.resolve("link.key"));
        // Without TCP_NODELAY each HTTP/2 answer here waited about 40 ms for the client's delayed ACK (Nagle), and
        // the matrix asks a thousand questions.
        String noDelay = "  connection-options:\n    tcp-no-delay: true\n";
        plain = RunningServer.start(noDelay, camstream);
        tls = RunningServer.start(certificate.serverYaml() + noDelay, camstream);
    }

    @AfterAll
    static void stop() {
        plain.close();
        tls.close();
    }

    @Test
    void http11() throws Exception {
        check(RawWire.http11(plain.port()), plain);
    }

    @Test
    void http10() throws Exception {
        check(RawWire.http10(plain.port()), plain);
    }

    @Test
    void h2c() throws Exception {
        check(JdkWire.h2c(plain.port()), plain);
    }

    @Test
    void http2OverTls() throws Exception {
        check(JdkWire.tls(tls.port(), HttpClient.Version.HTTP_2, certificate.trustingContext()), tls);
    }

    @Test
    void http11OverTls() throws Exception {
        check(JdkWire.tls(tls.port(), HttpClient.Version.HTTP_1_1, certificate.trustingContext()), tls);
    }

    @Test
    void http10OverTls() throws Exception {
        check(RawWire.tls(tls.port(), "HTTP/1.0", certificate.trustingContext()), tls);
    }

    @Test
    void theRoutingHasPictureRoutesInEveryNamingForm() {
        List<CameraRoutes.Route> pictures = plain.server().routes().stream()
                .filter(route -> route.use().filter(Set.of(CameraUse.STREAM, CameraUse.SNAPSHOT)::contains)
                        .isPresent())
                .toList();
        assertThat(pictures).extracting(CameraRoutes.Route::pattern)
                .contains("/cameras/{name}/stream", "/cameras/{name}/snapshot", "/stream", "/snapshot", "/video_feed", "/");
    }

    /** One request target of a route: {@code %1$s} stands for the camera's name, absent in the default form. */
    private record Form(CameraRoutes.Route route, String target) {

        boolean namesCamera() {
            return target.contains("%1$s");
        }

        String with(String camera) {
            return target.formatted(camera);
        }

        /** A path that names a recording or an event of the camera as well. */
        boolean namesAnItem() {
            return route.use().isPresent() && route.pattern().replace("{name}", "").contains("{");
        }

        boolean pictures() {
            return route.use().filter(Set.of(CameraUse.STREAM, CameraUse.SNAPSHOT)::contains).isPresent();
        }
    }

    /** Each GET route's targets: its path with every parameter filled in, and each way of naming a camera. */
    private static List<Form> forms(RunningServer server) {
        List<Form> forms = new ArrayList<>();
        for (CameraRoutes.Route route : server.server().routes()) {
            if (route.method() != Method.GET) {
                continue;
            }
            String path = route.pattern().replaceAll("\\{[^}]+}", "%1\\$s");
            String query = route.query()
                    .map(q -> q.parameter() + "=" + q.value().orElse("%1$s"))
                    .orElse("");
            if (route.pattern().contains("{") || query.contains("%1$s")) {
                forms.add(new Form(route, path + (query.isEmpty() ? "" : "?" + query)));
                continue;
            }
            String separator = query.isEmpty() ? "?" : "?" + query + "&";
            forms.add(new Form(route, path + separator + "camera=%1$s"));
            forms.add(new Form(route, path + (query.isEmpty() ? "" : "?" + query)));
        }
        return forms;
    }

    private static void check(Wire wire, RunningServer server) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        try (Wire w = wire) {
            for (Form form : forms(server)) {
                checkAnonymous(softly, w, form);
                checkDenied(softly, w, form);
                checkAllowed(softly, w, form);
            }
        }
        softly.assertAll();
    }

    private static void checkAnonymous(SoftAssertions softly, Wire wire, Form form) throws Exception {
        String target = form.with(VAULT);
        for (Wire.Answer answer : ask(softly, wire, target, Optional.empty())) {
            String what = "anonymous " + target + " on " + wire.name();
            softly.assertThat(answer.status()).as(what).isEqualTo(401);
            softly.assertThat(answer.headers()).as(what)
                    .containsEntry("www-authenticate", "Basic realm=\"camstream\", charset=\"UTF-8\"");
            softly.assertThat(contains(answer.body(), VAULT_JPEG)).as("vault's picture to anonymous").isFalse();
        }
    }

    private static void checkDenied(SoftAssertions softly, Wire wire, Form form) throws Exception {
        String target = form.with(VAULT);
        List<Wire.Answer> denied = ask(softly, wire, target, Optional.of(BOB));
        List<Wire.Answer> reference = List.of();
        if (form.namesCamera()) {
            reference = ask(softly, wire, form.with(NOWHERE), Optional.of(BOB));
        } else if (form.route().use().isPresent()) {
            String firstCamera = form.target() + (form.target().contains("?") ? "&" : "?") + "camera=desk";
            reference = ask(softly, wire, firstCamera, Optional.of(BOB));
        }
        for (int i = 0; i < denied.size(); i++) {
            String what = "bob " + (i == 0 ? "GET " : "HEAD ") + target + " on " + wire.name();
            Wire.Answer answer = denied.get(i);
            softly.assertThat(contains(answer.body(), VAULT_JPEG)).as("vault's picture in " + what).isFalse();
            if (form.route().listing() || !form.namesCamera()) {
                softly.assertThat(answer.text()).as(what + " names vault").doesNotContain(VAULT);
            }
            if (reference.isEmpty()) {
                continue;
            }
            softly.assertThat(reference.get(i).text()).as("a listing in " + what).doesNotContain(VAULT);
            if (form.namesCamera() && !form.route().listing()) {
                softly.assertThat(answer.timeless()).as(what + ", against a camera that does not exist")
                        .isEqualTo(reference.get(i).replace(NOWHERE, VAULT).timeless());
            } else if (!form.namesCamera()) {
                softly.assertThat(answer.timeless()).as(what + ", against his first camera named")
                        .isEqualTo(reference.get(i).timeless());
            }
        }
    }

    private static void checkAllowed(SoftAssertions softly, Wire wire, Form form) throws Exception {
        String target = form.with(VAULT);
        String what = "alice GET " + target + " on " + wire.name();
        Wire.Answer allowed = ask(softly, wire, target, Optional.of(ALICE)).get(0);
        if (form.pictures()) {
            softly.assertThat(allowed.status()).as(what).isEqualTo(200);
            softly.assertThat(allowed.body()).as(what + ": vault's picture, a whole JPEG")
                    .isEqualTo(VAULT_JPEG).startsWith(0xFF, 0xD8).endsWith(0xFF, 0xD9);
            softly.assertThat(contains(allowed.body(), DESK_JPEG)).as(what + ": desk's picture").isFalse();
        } else if (form.namesAnItem()) {
            // Let in to the camera, the handler looked for the item, whose number here is the camera's name.
            softly.assertThat(allowed.status()).as(what).isEqualTo(404);
            softly.assertThat(allowed.text()).as(what).startsWith("Camera '" + VAULT + "' has no ");
        } else if (form.route().use().isPresent() || form.route().listing()) {
            softly.assertThat(allowed.status()).as(what).isEqualTo(200);
            softly.assertThat(allowed.text()).as(what).contains(VAULT);
        }
    }

    /**
     * Asks GET, then HEAD, and checks that HEAD got the GET's status and headers and not one body byte.
     *
     * @return the GET's answer and the HEAD's
     */
    private static List<Wire.Answer> ask(SoftAssertions softly, Wire wire, String target,
                                         Optional<String> authorization) throws Exception {
        Wire.Answer get = wire.exchange("GET", target, authorization);
        Wire.Answer head = wire.exchange("HEAD", target, authorization);
        String what = "HEAD " + target + " on " + wire.name();
        softly.assertThat(head.body()).as(what + ": body bytes").isEmpty();
        softly.assertThat(head.status()).as(what + ": status against GET's").isEqualTo(get.status());
        softly.assertThat(withoutFraming(head, get)).as(what + ": headers against GET's")
                .isEqualTo(withoutFraming(get, get));
        if (!get.stream() && !isJson(get)) {
            softly.assertThat(head.headers().get("content-length")).as(what + ": Content-Length")
                    .isEqualTo(String.valueOf(get.body().length));
        }
        return List.of(get, head);
    }

    private static boolean isJson(Wire.Answer answer) {
        return answer.headers().getOrDefault("content-type", "").startsWith("application/json");
    }

    /**
     * The headers to compare: without the date, and without what depends on the body's bytes (a stream's chunked
     * framing, and the length of JSON whose figures change between two requests).
     */
    private static Map<String, String> withoutFraming(Wire.Answer answer, Wire.Answer get) {
        Map<String, String> headers = new TreeMap<>(answer.timeless().headers());
        if (get.stream() || isJson(get)) {
            headers.keySet().removeAll(FRAMING);
        }
        return headers;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
