package io.camstream.core.process;

import io.camstream.core.jpeg.JpegSplitter;
import io.camstream.spi.Camera;
import io.camstream.spi.Frame;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * A camera whose frames come from a child process writing JPEGs back to back on its stdout (rpicam-vid,
 * {@code ffmpeg -f mjpeg}).
 * <p>
 * A virtual thread reads stdout through a {@link JpegSplitter} and keeps the newest frame for {@link #nextFrame()};
 * another drains stderr. When the process ends on its own, {@link #nextFrame()} throws with its exit code and last
 * line of stderr, and the last lines are logged. {@link #close()} wakes a waiting {@link #nextFrame()} at once, then
 * stops the process (SIGINT, a kill after two seconds) and waits until it is gone.
 */
public final class ProcessCamera implements Camera {

    private static final System.Logger LOGGER = System.getLogger(ProcessCamera.class.getName());
    private static final int STDERR_LINES = 20;
    /** How long a process that closed its stdout is given to exit before it is reported as stuck. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(2);
    /** How long stderr may trail the exit, so the last line is known when the failure is reported. */
    private static final Duration STDERR_WAIT = Duration.ofSeconds(1);

    private final ProcessSettings settings;
    private final ChildProcess child;
    private final StderrTail stderr;
    private final JpegSplitter splitter;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Frame newest;
    private String failure;

    private ProcessCamera(ProcessSettings settings, ChildProcess child) {
        this.settings = settings;
        this.child = child;
        this.stderr = new StderrTail(settings.camera() + " " + settings.programName(), STDERR_LINES);
        this.splitter = new JpegSplitter(settings.maxFrameBytes());
    }

    /**
     * Starts the process.
     *
     * @param settings what to run
     * @return the running camera
     * @throws java.io.FileNotFoundException when the program is missing; the message names it, where it was
     *                                       looked for, and the install hint
     * @throws IOException                   when the process cannot be started for another reason
     */
    public static ProcessCamera start(ProcessSettings settings) throws IOException {
        String program = settings.command().getFirst();
        ProgramLookup.locate(program, System.getenv("PATH"), settings.installHint());
        ProcessBuilder builder = new ProcessBuilder(settings.command())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        ChildProcess child;
        try {
            child = ChildProcess.start(builder);
        } catch (IOException e) {
            throw new IOException("cannot start " + program + ": " + e.getMessage(), e);
        }
        LOGGER.log(System.Logger.Level.DEBUG, "Camera {0}: started {1} (pid {2})",
                settings.camera(), commandLine(settings.command()), String.valueOf(child.process().pid()));
        ProcessCamera camera = new ProcessCamera(settings, child);
        camera.stderr.drain(child.process().getErrorStream(), "stderr-" + settings.camera());
        Thread.ofVirtual().name("stdout-" + settings.camera()).start(camera::readFrames);
        return camera;
    }

    /**
     * Waits for the next frame from the process.
     *
     * @return the newest frame not returned yet
     * @throws IOException          when the process ended or its output could not be read
     * @throws InterruptedException when the camera was closed, or the calling thread interrupted
     */
    @Override
    public Frame nextFrame() throws IOException, InterruptedException {
        lock.lockInterruptibly();
        try {
            while (newest == null && failure == null && !closed.get()) {
                changed.await();
            }
            if (closed.get()) {
                throw new InterruptedException(settings.programName() + " was stopped");
            }
            if (newest != null) {
                Frame frame = newest;
                newest = null;
                return frame;
            }
            throw new IOException(failure);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The command line and the process id.
     *
     * @return {@code command} and {@code pid}
     */
    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("command", commandLine(settings.command()));
        details.put("pid", String.valueOf(child.process().pid()));
        return details;
    }

    /**
     * The process, for tests and for operators' tools.
     *
     * @return its handle
     */
    public ProcessHandle processHandle() {
        return child.process().toHandle();
    }

    /**
     * Stops the process and waits until it is gone; processes it started are killed. Wakes a waiting
     * {@link #nextFrame()} first. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        update(() -> newest = null);
        child.close();
        if (splitter.skippedBytes() > 0) {
            LOGGER.log(System.Logger.Level.INFO, "Camera {0}: {1} wrote {2} bytes that were not part of a JPEG",
                    settings.camera(), settings.programName(), String.valueOf(splitter.skippedBytes()));
        }
    }

    private void readFrames() {
        long oversized = 0;
        try (InputStream out = child.process().getInputStream()) {
            for (byte[] jpeg = splitter.read(out); jpeg != null; jpeg = splitter.read(out)) {
                if (splitter.oversizedFrames() > oversized) {
                    oversized = splitter.oversizedFrames();
                    reportOversized(oversized);
                }
                publish(jpeg);
            }
        } catch (IOException e) {
            fail(settings.programName() + " output could not be read: " + e.getMessage());
            return;
        }
        processEnded();
    }

    private void publish(byte[] jpeg) {
        Frame frame;
        try {
            frame = Frame.of(jpeg, splitter.frames(), Instant.now());
        } catch (IllegalArgumentException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Camera {0}: skipped a picture: {1}", settings.camera(),
                    e.getMessage());
            return;
        }
        update(() -> newest = frame);
    }

    private void processEnded() {
        if (closed.get()) {
            return;
        }
        String program = settings.programName();
        String why;
        try {
            Process process = child.process();
            if (process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                stderr.awaitEnd(STDERR_WAIT);
                why = program + " exited with code " + process.exitValue();
            } else {
                why = program + " closed its output but is still running";
            }
        } catch (InterruptedException e) {
            return;
        }
        if (closed.get()) {
            return;
        }
        List<String> lines = stderr.lines();
        LOGGER.log(System.Logger.Level.WARNING, "Camera {0}: {1}; its last lines on stderr:{2}", settings.camera(),
                why, lines.isEmpty() ? " (none)" : lines.stream().collect(Collectors.joining("\n  ", "\n  ", "")));
        fail(stderr.lastLine().map(line -> why + ": " + line).orElse(why));
    }

    private void reportOversized(long count) {
        System.Logger.Level level = count == 1 ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
        LOGGER.log(level, "Camera {0}: dropped a frame larger than max-frame-bytes ({1} bytes) from {2}; {3} so far."
                        + " Raise max-frame-bytes if its pictures are really this large.",
                settings.camera(), String.valueOf(settings.maxFrameBytes()), settings.programName(),
                String.valueOf(count));
    }

    private void fail(String reason) {
        if (!closed.get()) {
            update(() -> failure = reason);
        }
    }

    /** Changes what {@link #nextFrame()} waits on, and wakes it. */
    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static String commandLine(List<String> command) {
        return command.stream()
                .map(arg -> arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace) ? "'" + arg + "'" : arg)
                .collect(Collectors.joining(" "));
    }
}
