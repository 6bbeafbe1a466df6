package io.camstream.bench.client;

import io.camstream.bench.Args;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a load run does.
 *
 * @param url       the stream to watch, {@code http://host:port/path?query}
 * @param viewers   how many connections watch it
 * @param warmup    how long to run before measuring
 * @param duration  how long to measure
 * @param slow      how many of the viewers read slowly
 * @param slowKbps  how many kB (1000 bytes) per second a slow viewer reads
 * @param pid       the server's process, to measure its CPU, memory and threads
 * @param threads   how many selector threads run the viewers
 * @param jsonOnly  print only the JSON line
 */
public record LoadOptions(URI url, int viewers, Duration warmup, Duration duration, int slow, int slowKbps,
                          OptionalLong pid, int threads, boolean jsonOnly) {

    /** The flags of the load command. */
    public static final Set<String> FLAGS = Set.of("json");

    /**
     * Reads the options of the load command.
     *
     * @throws IllegalArgumentException naming the option that is wrong and why
     */
    public static LoadOptions from(Args args) {
        URI url = url(args.required("url"));
        int viewers = args.integer("viewers", 1, 1);
        Duration warmup = seconds(args.decimal("warmup", 2, 0));
        Duration duration = seconds(args.decimal("duration", 10, 0.1));
        int slow = args.integer("slow", 0, 0);
        int slowKbps = args.integer("slow-kbps", 100, 1);
        int pid = args.integer("pid", 0, 1);
        int threads = args.integer("threads", Math.min(2, Runtime.getRuntime().availableProcessors()), 1);
        boolean json = args.flag("json");
        args.rejectUnknown();
        if (slow > viewers) {
            throw new IllegalArgumentException("--slow " + slow + " is more than --viewers " + viewers);
        }
        return new LoadOptions(url, viewers, warmup, duration, slow, slowKbps,
                pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty(), threads, json);
    }

    private static URI url(String text) {
        URI url;
        try {
            url = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url is not a URL: " + e.getMessage());
        }
        if (url.getScheme() == null || !url.getScheme().toLowerCase(Locale.ROOT).equals("http")
                || url.getHost() == null) {
            throw new IllegalArgumentException("--url must be http://host[:port]/path (plain HTTP only), was " + text);
        }
        return url;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
