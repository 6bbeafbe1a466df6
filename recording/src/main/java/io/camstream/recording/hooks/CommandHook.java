package io.camstream.recording.hooks;

import io.camstream.core.process.ChildProcess;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program with the camera's name, the event's number and the time (ISO-8601) as its last three arguments,
 * without a shell, so nothing in them is ever interpreted. Its output is read and thrown away (a full pipe would
 * block it); one that runs past the timeout is stopped with everything it started (SIGINT, then a kill). What a
 * program that ended in time left running in the background is left alone.
 *
 * @param command the program and its own arguments
 * @param timeout the longest it may run
 */
public record CommandHook(List<String> command, Duration timeout) implements Hook {

    /** The most output kept for the log when the program fails. */
    private static final int KEPT_OUTPUT = 2000;

    @Override
    public String run(HookCall call) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(command);
        arguments.add(call.camera());
        arguments.add(Long.toString(call.event().id()));
        arguments.add(call.time().toString());
        ChildProcess child = ChildProcess.start(new ProcessBuilder(arguments).redirectErrorStream(true));
        Process process = child.process();
        process.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        Thread drain = Thread.ofVirtual().start(() -> drain(process.getInputStream(), output));
        boolean ended = false;
        try {
            ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            if (!ended) {
                // past its timeout, or camstream stopping: it ends now, with whatever it started
                child.close();
            }
            drain.join(Duration.ofSeconds(1));
        }
        if (!ended) {
            throw new IOException(command.getFirst() + " still ran after " + timeout.toMillis() + " ms and was"
                    + " stopped, with what it started");
        }
        if (process.exitValue() != 0) {
            synchronized (output) {
                throw new IOException(command.getFirst() + " exited with " + process.exitValue()
                        + (output.isEmpty() ? "" : ": " + output.toString().strip()));
            }
        }
        return "exit 0";
    }

    private static void drain(InputStream in, StringBuilder output) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (output) {
                    if (output.length() < KEPT_OUTPUT) {
                        output.append(new String(buffer, 0, Math.min(n, KEPT_OUTPUT - output.length()),
                                java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
