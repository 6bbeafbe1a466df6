package io.camstream.server;

import io.camstream.bench.attack.Guesser;
import io.camstream.core.mjpeg.MjpegFormat;
import io.camstream.server.auth.PasswordHash;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forty addresses guess passwords as fast as they can, with real PBKDF2 hashes (600,000 iterations, about 0.12 s
 * of CPU each), half of them for a user that exists and half with made-up names, each varying the blanks after
 * {@code Basic}; meanwhile a logged-in viewer watches a 20 fps stream. Hashing runs on its own bounded threads,
 * so the viewer's frames keep coming: no gap between two of them reaches half a second. (With the hashes checked
 * on the request threads, as before, the stream stopped for seconds.)
 */
class GuessingLoadTest {

    private static final Duration ATTACK = Duration.ofSeconds(6);

    @Test
    void fortyGuessingAddressesDoNotHoldUpALoggedInViewer() throws Exception {
        String hash = PasswordHash.create("correct horse".toCharArray(), 600_000).format();
        try (RunningServer server = RunningServer.start("camstream:\n" + TestUsers.withHashes("alice", hash) + """
                  cameras:
                    - name: desk
                      driver: picture
                      fps: 20
                """)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(server.uri("/cameras/desk/stream"))
                    .header("Authorization", TestUsers.ALICE).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
            AtomicBoolean attacking = new AtomicBoolean(true);
            CountDownLatch started = new CountDownLatch(40);
            List<Thread> guessers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                InetAddress from = InetAddress.getByName("127.0.0." + (2 + i));
                String user = i % 2 == 0 ? "alice" : "user" + i;
                guessers.add(Thread.ofPlatform().daemon().start(
                        () -> guess(server.port(), from, user, attacking, started, answers)));
            }
            long longestGap;
            try (InputStream body = stream.body()) {
                MjpegReader frames = new MjpegReader(body, MjpegFormat.BOUNDARY);
                frames.next();
                started.await();
                longestGap = longestGap(frames);
            } finally {
                attacking.set(false);
                for (Thread guesser : guessers) {
                    guesser.join(10_000);
                }
            }
            System.out.printf("GuessingLoadTest: answers to the guessers %s, viewer's longest gap %d ms%n", answers,
                    longestGap);
            // each 401 cost a whole hash (about 0.12 s of CPU on an idle core) while the viewer watched
            assertThat(answers.getOrDefault(401, new AtomicLong()).get()).as("guesses hashed and refused, " + answers)
                    .isGreaterThanOrEqualTo(4);
            assertThat(answers.getOrDefault(503, new AtomicLong()).get()).as("guesses turned away at once, " + answers)
                    .isPositive();
            assertThat(longestGap).as("the viewer's longest gap between frames, ms").isLessThan(500);
        }
    }

    private static long longestGap(MjpegReader frames) throws IOException {
        long end = System.nanoTime() + ATTACK.toNanos();
        long last = System.nanoTime();
        long longest = 0;
        while (System.nanoTime() < end) {
            frames.next();
            long now = System.nanoTime();
            longest = Math.max(longest, now - last);
            last = now;
        }
        return Duration.ofNanos(longest).toMillis();
    }

    /** Guesses from one address until the attack stops (camstream-bench's guesser, as its attack suite runs it). */
    private static void guess(int port, InetAddress from, String user, AtomicBoolean attacking,
                              CountDownLatch started, Map<Integer, AtomicLong> answers) {
        started.countDown();
        Guesser.guess(new InetSocketAddress("127.0.0.1", port), from, user, attacking::get, answers);
    }
}
