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
 * @param warmup    time before measuring
 * @param duration  the measuring window
 */
record Scenario(String title, int viewers, int slow, int slowKbps, int cameraFps, Duration warmup,
                Duration duration) {

    static Scenario normal(int viewers, int cameraFps, int warmupSeconds, int durationSeconds) {
        String who = viewers == 1 ? "1 viewer" : String.format("%,d viewers", viewers);
        return new Scenario(who + " at " + cameraFps + " fps", viewers, 0, 100, cameraFps,
                Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds));
    }

    static Scenario slowViewers(int normal, int slow, int slowKbps, int warmupSeconds, int durationSeconds) {
        return new Scenario(String.format("%d viewers plus %d held to %d kB/s, at 30 fps", normal, slow, slowKbps),
                normal + slow, slow, slowKbps, 30, Duration.ofSeconds(warmupSeconds),
                Duration.ofSeconds(durationSeconds));
    }
}
