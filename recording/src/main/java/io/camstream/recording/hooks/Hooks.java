package io.camstream.recording.hooks;

import io.camstream.recording.events.MotionEvent;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a camera's hooks, each call on a virtual thread of its own so that detection never waits for one. At most
 * {@link #MAX_RUNNING} run at once per camera; a call beyond that is skipped and logged, so that a hook that hangs
 * until its timeout cannot pile up processes.
 */
public final class Hooks {

    private static final System.Logger LOGGER = System.getLogger(Hooks.class.getName());
    static final int MAX_RUNNING = 4;

    private final String camera;
    private final HookSettings settings;
    private final Semaphore running = new Semaphore(MAX_RUNNING);
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param camera   the camera's name
     * @param settings its hooks
     */
    public Hooks(String camera, HookSettings settings) {
        this.camera = camera;
        this.settings = settings;
    }

    /** Runs {@code on-event-start}, if set. */
    public void started(MotionEvent event) {
        fire(settings.onStart(), new HookCall(camera, "start", event));
    }

    /** Runs {@code on-event-end}, if set. */
    public void ended(MotionEvent event) {
        fire(settings.onEnd(), new HookCall(camera, "end", event));
    }

    /** @return hook calls that failed or were skipped */
    public long failures() {
        return failures.get();
    }

    private void fire(Optional<Hook> hook, HookCall call) {
        if (hook.isEmpty()) {
            return;
        }
        if (!running.tryAcquire()) {
            failures.incrementAndGet();
            LOGGER.log(System.Logger.Level.WARNING, "Camera {0}: hook for the {1} of event {2} skipped: {3} hooks"
                    + " still run", camera, call.phase(), call.event().id(), MAX_RUNNING);
            return;
        }
        Thread.ofVirtual().name("hook-" + camera).start(() -> {
            try {
                String outcome = hook.get().run(call);
                LOGGER.log(System.Logger.Level.DEBUG, "Camera {0}: hook for the {1} of event {2}: {3}", camera,
                        call.phase(), call.event().id(), outcome);
            } catch (Exception e) {
                failures.incrementAndGet();
                LOGGER.log(System.Logger.Level.WARNING, "Camera {0}: hook for the {1} of event {2} failed: {3}",
                        camera, call.phase(), call.event().id(), e.getMessage() == null ? e.toString()
                                : e.getMessage());
            } finally {
                running.release();
            }
        });
    }
}
