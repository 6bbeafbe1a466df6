package io.camstream.recording.detection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

class MotionWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration FRAME = Duration.ofMillis(100);

    private static MotionSettings settings(int minFrames, Duration gap, List<MaskArea> masks) {
        return new MotionSettings(true, Scene.WIDTH, 20, true, 0.01, 0.6, minFrames, gap, masks);
    }

    private static Instant at(int frame) {
        return T0.plus(FRAME.multipliedBy(frame));
    }

    /** Runs frames 0 to count-1 through a watch and lists what happened, each change with its frame number. */
    private static List<String> run(MotionSettings settings, int count, IntFunction<byte[]> frames) {
        MotionWatch<Integer> watch = new MotionWatch<>(settings);
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Optional<EventTracker.Change> change = watch.picture(at(i), i, frames.apply(i), Scene.WIDTH,
                    Scene.HEIGHT, Scene.WIDTH);
            int frame = i;
            change.ifPresent(c -> changes.add(switch (c) {
                case EventTracker.Started s -> "start " + s.start() + " at frame " + frame;
                case EventTracker.Ended e -> "end " + e.lastMotion() + " at frame " + frame;
            }));
        }
        return changes;
    }

    /** The box stands still before frame 20, moves 3 samples a frame from 20 to 49, then stands still again. */
    private static IntFunction<byte[]> movingBox(Scene scene) {
        return i -> scene.box(20 + 3 * Math.clamp(i - 19, 0, 30), 40).picture();
    }

    @Test
    void aBoxMovingForThreeSecondsMakesOneEventFromItsFirstToItsLastMovingFrame() {
        List<String> changes = run(settings(3, Duration.ofSeconds(1), List.of()), 100, movingBox(new Scene()));

        assertThat(changes).containsExactly(
                "start " + at(20) + " at frame 22",
                "end " + at(49) + " at frame 59");
    }

    @Test
    void motionShorterThanMinFramesMakesNoEvent() {
        Scene scene = new Scene();
        List<String> changes = run(settings(3, Duration.ofSeconds(1), List.of()), 60,
                i -> scene.box(20 + 3 * Math.clamp(i - 19, 0, 2), 40).picture());

        assertThat(changes).isEmpty();
    }

    @Test
    void pausesShorterThanTheEventGapKeepOneEventAndLongerOnesMakeTwo() {
        Scene scene = new Scene();
        // moves in frames 10-19, pauses 5 frames, moves in 25-34, pauses 20 frames, moves in 55-64
        IntFunction<byte[]> frames = i -> {
            int moved = Math.clamp(i - 9, 0, 10) + Math.clamp(i - 24, 0, 10) + Math.clamp(i - 54, 0, 10);
            return scene.box(10 + 3 * moved, 40).picture();
        };
        List<String> changes = run(settings(2, Duration.ofSeconds(1), List.of()), 90, frames);

        assertThat(changes).containsExactly(
                "start " + at(10) + " at frame 11",
                "end " + at(34) + " at frame 44",
                "start " + at(55) + " at frame 56",
                "end " + at(64) + " at frame 74");
    }

    @Test
    void aBoxMovingInsideAMaskMakesNoEvent() {
        MaskArea path = new MaskArea(0.1, 0.3, 0.8, 0.25);
        List<String> changes = run(settings(3, Duration.ofSeconds(1), List.of(path)), 100, movingBox(new Scene()));

        assertThat(changes).isEmpty();
    }

    @Test
    void aMaskElsewhereLeavesTheEventAlone() {
        MaskArea elsewhere = new MaskArea(0, 0.8, 1, 0.2);
        List<String> changes = run(settings(3, Duration.ofSeconds(1), List.of(elsewhere)), 100,
                movingBox(new Scene()));

        assertThat(changes).hasSize(2);
    }

    @Test
    void aLightSwitchedOnAndOffMakesNoEvent() {
        Scene scene = new Scene();
        List<String> changes = run(settings(1, Duration.ofSeconds(1), List.of()), 80,
                i -> scene.light(i >= 20 && i < 50 ? 70 : 0).picture());

        assertThat(changes).isEmpty();
    }

    @Test
    void withoutTheLightSwitchGuardTheSameLightWouldBeMotion() {
        Scene scene = new Scene();
        MotionSettings unguarded = new MotionSettings(true, Scene.WIDTH, 20, true, 0.01, Double.POSITIVE_INFINITY,
                1, Duration.ofSeconds(1), List.of());
        List<String> changes = run(unguarded, 80, i -> scene.light(i >= 20 && i < 50 ? 70 : 0).picture());

        assertThat(changes).hasSize(4);
    }

    @Test
    void sensorNoiseAloneScoresNothing() {
        Scene scene = new Scene();
        MotionWatch<Integer> watch = new MotionWatch<>(settings(1, Duration.ofSeconds(1), List.of()));
        double worst = 0;
        for (int i = 0; i < 50; i++) {
            watch.picture(at(i), i, scene.picture(), Scene.WIDTH, Scene.HEIGHT, Scene.WIDTH);
            worst = Math.max(worst, watch.lastScore());
        }
        assertThat(worst).isZero();
    }

    @Test
    void speckleOfSingleSamplesIsDroppedByDespeckle() {
        Scene scene = new Scene();
        byte[] still = scene.picture();
        byte[] speckled = still.clone();
        for (int i = 0; i < speckled.length; i += 37) {
            speckled[i] = (byte) 255;
        }
        MotionSettings plain = new MotionSettings(true, Scene.WIDTH, 20, false, 0.01, 0.6, 1, Duration.ZERO,
                List.of());
        MotionSettings despeckled = settings(1, Duration.ZERO, List.of());

        assertThat(scoreOfSecond(plain, still, speckled)).isGreaterThan(0.01);
        assertThat(scoreOfSecond(despeckled, still, speckled)).isZero();
    }

    @Test
    void thePeakIsTheStrongestMotionOfTheEvent() {
        Scene scene = new Scene();
        MotionWatch<Integer> watch = new MotionWatch<>(settings(2, Duration.ofSeconds(1), List.of()));
        // steps of 4, 4, 10, 4 samples: the third step changes the most
        int[] x = {20, 20, 24, 28, 38, 42, 42, 42};
        for (int i = 0; i < x.length; i++) {
            watch.picture(at(i), i, scene.box(x[i], 40).picture(), Scene.WIDTH, Scene.HEIGHT, Scene.WIDTH);
        }
        assertThat(watch.peak().time()).isEqualTo(at(4));
        assertThat(watch.peak().tag()).isEqualTo(4);
        assertThat(watch.peak().score()).isBetween(0.03, 0.05);
    }

    private static double scoreOfSecond(MotionSettings settings, byte[] first, byte[] second) {
        MotionWatch<Integer> watch = new MotionWatch<>(settings);
        watch.picture(at(0), 0, first, Scene.WIDTH, Scene.HEIGHT, Scene.WIDTH);
        watch.picture(at(1), 1, second, Scene.WIDTH, Scene.HEIGHT, Scene.WIDTH);
        return watch.lastScore();
    }
}
