package io.camstream.core.jpeg;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The outside programs that judge the JPEG toolkit: jpegtran, djpeg and cjpeg (Debian's libjpeg-turbo-progs) and
 * ffmpeg. Missing ones skip the test, or fail it where CI is set (.ci/run installs them).
 */
final class Programs {

    private Programs() {
    }

    static void require(String... programs) {
        for (String program : programs) {
            boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .anyMatch(dir -> new File(dir, program).canExecute());
            String message = program + " is not installed: 'apt-get install libjpeg-turbo-progs ffmpeg'"
                    + " (.ci/run does this)";
            if (!found && System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(found, message);
        }
    }

    /** Runs a program with the bytes on its stdin; returns its stdout, failing on a non-zero exit. */
    static byte[] run(byte[] input, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectError(ProcessBuilder.Redirect.PIPE).start();
            // Own threads: the common pool may have a single thread on a small machine, and these block.
            CompletableFuture<byte[]> errors = new CompletableFuture<>();
            Thread.startVirtualThread(() -> errors.complete(readAll(process.getErrorStream())));
            Thread feed = Thread.startVirtualThread(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(input);
                } catch (IOException ignored) {
                    // the program may stop reading early; its exit status tells
                }
            });
            byte[] output = readAll(process.getInputStream());
            feed.join();
            int status = process.waitFor();
            if (status != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + status + ": "
                        + new String(errors.join()));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
