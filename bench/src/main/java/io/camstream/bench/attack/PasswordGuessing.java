package io.camstream.bench.attack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Password guessing from many addresses at once against real PBKDF2 hashes (about 0.12 s of CPU each): half the
 * guessers try the viewer's user name, half made-up ones, each varying the blanks after {@code Basic} so that no
 * spelling is ever the same twice. The logged-in viewers must not wait half a second for a frame.
 */
final class PasswordGuessing implements Attack {

    private static final int FIRST_ADDRESS = 10;

    private final int addresses;
    private final Duration length;

    PasswordGuessing(int addresses, Duration length) {
        this.addresses = addresses;
        this.length = length;
    }

    @Override
    public About about() {
        return new About("guessing", "Password guessing from many addresses", Target.Kind.PLAIN, Check.text(
                "for %d s, %d addresses (127.0.0.%d on) guess passwords as fast as the answers come, each on a "
                        + "kept-alive connection, half as the viewer's user, half as made-up users",
                length.toSeconds(), addresses, FIRST_ADDRESS));
    }

    @Override
    public int descriptorBudget(Target target) {
        return addresses + 128;
    }

    @Override
    public Duration longestGap() {
        return Duration.ofMillis(500);
    }

    @Override
    public List<Check> run(Target target) throws Exception {
        Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
        Workers.run(addresses, length, (worker, deadline) -> Guesser.guess(target.server().address(),
                Target.loopback(FIRST_ADDRESS + worker), worker % 2 == 0 ? target.user() : "guest" + worker,
                () -> System.nanoTime() - deadline < 0, answers));
        long refused = answers.getOrDefault(401, new AtomicLong()).get();
        return List.of(
                Check.info("answers", new TreeMap<>(answers).toString()),
                Check.atLeast("guesses checked against a hash and refused (401)", refused, 4, "%,.0f"),
                Check.atMost("guesses let in", answers.getOrDefault(200, new AtomicLong()).get(), 0, "%,.0f"));
    }
}
