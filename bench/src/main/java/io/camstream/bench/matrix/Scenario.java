package io.camstream.bench.matrix;

import java.time.Duration;

/**
 * One row of the benchmark matrix: how many viewers watch a camera of which rate, for how long.
 *
 * @param title     the table's heading
 * @param viewers   viewers in all, slow ones included
 * @param slow      how many of them read at {@code slowKbps}
 * @param slowKbps  a slow viewer's rate in kB/s
 * @param cameraFps the camera's frame rate
 * @param viewerFps the rate each viewer asks for with {@code ?fps=}, or 0 to take every frame; the reference has
 *                  no such cap and plays its frames at this rate instead
 * @param warmup    time before measuring
 * @param duration  the measuring window
 */
record Scenario(String title, int viewers, int slow, int slowKbps, int cameraFps, int viewerFps, Duration warmup,
                Duration duration) {

    /**
     * Long enough for the JIT to have compiled the hot path (in the first seconds after a start camstream spends a
     * third more CPU per frame), so that the window shows what a server running for days spends.
     */
    static final Duration WARMUP = Duration.ofSeconds(12);

    static Scenario normal(int viewers, int durationSeconds) {
        return new Scenario(who(viewers) + " at 30 fps", viewers, 0, 100, 30, 0, WARMUP,
                Duration.ofSeconds(durationSeconds));
    }

    static Scenario capped(int viewers, int viewerFps, int durationSeconds) {
        return new Scenario(who(viewers) + " at ?fps=" + viewerFps + " of a 30 fps camera", viewers, 0, 100, 30,
                viewerFps, WARMUP, Duration.ofSeconds(durationSeconds));
    }

    /** A few viewers for a moment: enough to see both servers stream and the figures written. */
    static Scenario smoke() {
        return new Scenario("5 viewers at 30 fps", 5, 0, 100, 30, 0, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    static Scenario slowViewers(int normal, int slow, int slowKbps, int durationSeconds) {
        return new Scenario(String.format("%d viewers plus %d held to %d kB/s, at 30 fps", normal, slow, slowKbps),
                normal + slow, slow, slowKbps, 30, 0, WARMUP, Duration.ofSeconds(durationSeconds));
    }

    /** @return the reference's frame rate: what each viewer receives */
    int referenceFps() {
        return viewerFps > 0 ? viewerFps : cameraFps;
    }

    private static String who(int viewers) {
        return viewers == 1 ? "1 viewer" : String.format("%,d viewers", viewers);
    }
}
