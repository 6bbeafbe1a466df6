package io.camstream.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing is slowed per real client address and user name, so that a stranger's guesses lock out
 * nobody else: not the same user from elsewhere, not another user from the guesser's address, not a user already
 * logged in. Behind a trusted proxy, each client it forwards is counted apart; anyone else's forwarding headers
 * count for nothing.
 */
class LoginThrottleTest {

    private static final String RIGHT = TestUsers.basic("alice", "s3cret");
    private static final String BOB = TestUsers.basic("bob", "b0b");
    private static LogCapture logs;
    private static RunningServer server;

    @BeforeAll
    static void start() {
        logs = new LogCapture();
        server = RunningServer.start("camstream:\n" + TestUsers.users("alice", "s3cret", "bob", "b0b") + """
                    trusted-proxies: [127.0.0.100, 127.0.1.0/24]
                  cameras:
                    - name: desk
                      driver: picture
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
        logs.close();
    }

    @Test
    void tenFailuresInAMinuteGet429WithRetryAfterEvenForTheRightPasswordAndAreLoggedOnce() throws Exception {
        InetAddress guesser = InetAddress.getByName("127.0.0.2");
        guessTenTimes(guesser);
        for (int i = 0; i < 3; i++) {
            String refused = head(guesser, TestUsers.basic("alice", "guess-more" + i));
            assertThat(status(refused)).isEqualTo(429);
            assertThat(Integer.parseInt(header(refused, "retry-after"))).isBetween(1, 60);
        }
        assertThat(status(head(guesser, RIGHT))).as("alice's right password, not yet verified").isEqualTo(429);
        assertThat(logs.messages(Level.WARNING)).filteredOn(m -> m.contains("127.0.0.2 failed to log in"))
                .hasSize(1)
                .allSatisfy(m -> assertThat(m).doesNotContain("alice"));
    }

    @Test
    void aStrangersGuessesLockOutNeitherTheUserElsewhereNorOthersFromTheSameAddress() throws Exception {
        InetAddress guesser = InetAddress.getByName("127.0.0.3");
        guessTenTimes(guesser);
        assertThat(status(head(guesser, TestUsers.basic("alice", "more")))).isEqualTo(429);
        assertThat(status(head(InetAddress.getByName("127.0.0.4"), RIGHT))).as("alice elsewhere").isEqualTo(200);
        assertThat(status(head(guesser, BOB))).as("bob from the guesser's address").isEqualTo(200);
    }

    @Test
    void aVerifiedLoginStaysServedWhileGuessesForItAreRefused() throws Exception {
        InetAddress shared = InetAddress.getByName("127.0.0.5");
        assertThat(status(head(shared, RIGHT))).isEqualTo(200);
        guessTenTimes(shared);
        assertThat(status(head(shared, TestUsers.basic("alice", "one more")))).isEqualTo(429);
        assertThat(status(head(shared, RIGHT))).as("alice, logged in before").isEqualTo(200);
    }

    @Test
    void behindATrustedProxyEachForwardedClientIsThrottledApart() throws Exception {
        InetAddress proxy = InetAddress.getByName("127.0.0.100");
        guessTenTimes(proxy, "X-Forwarded-For: 203.0.113.7");
        assertThat(status(head(proxy, TestUsers.basic("alice", "again"), "X-Forwarded-For: 203.0.113.7")))
                .isEqualTo(429);
        assertThat(status(head(proxy, RIGHT, "X-Forwarded-For: 203.0.113.8"))).as("another client").isEqualTo(200);
        // RFC 7239, through two trusted proxies: the client is the last address no trusted proxy is
        InetAddress second = InetAddress.getByName("127.0.1.7");
        String forwarded = "Forwarded: for=203.0.113.9;proto=https, for=\"127.0.0.100:4711\"";
        guessTenTimes(second, forwarded);
        assertThat(status(head(second, TestUsers.basic("alice", "again"), forwarded))).isEqualTo(429);
        assertThat(status(head(second, TestUsers.basic("alice", "again"),
                "Forwarded: for=203.0.113.10, for=127.0.0.100"))).as("another client").isEqualTo(401);
    }

    @Test
    void forwardingHeadersFromAnyoneElseCountForNothing() throws Exception {
        InetAddress untrusted = InetAddress.getByName("127.0.0.6");
        for (int i = 0; i < 10; i++) {
            String spoofed = "X-Forwarded-For: 198.51.100." + i;
            assertThat(status(head(untrusted, TestUsers.basic("alice", "guess" + i), spoofed))).isEqualTo(401);
        }
        assertThat(status(head(untrusted, TestUsers.basic("alice", "guess"), "X-Forwarded-For: 198.51.100.99")))
                .isEqualTo(429);
    }

    private static void guessTenTimes(InetAddress from, String... headers) throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(status(head(from, TestUsers.basic("alice", "guess" + i), headers))).isEqualTo(401);
        }
    }

    /** The head of the answer to GET / from an address, with an Authorization header and more. */
    private static String head(InetAddress from, String authorization, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of("Host: 127.0.0.1", "Authorization: " + authorization));
        all.addAll(List.of(headers));
        try (RawHttp http = RawHttp.get(from, server.port(), "/assets/camstream.css", "HTTP/1.1",
                all.toArray(String[]::new))) {
            return http.head();
        }
    }

    private static int status(String head) {
        return Integer.parseInt(head.substring(9, 12));
    }

    private static String header(String head, String name) {
        return head.lines().filter(line -> line.toLowerCase().startsWith(name + ":"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElseThrow();
    }
}
