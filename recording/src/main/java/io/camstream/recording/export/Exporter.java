package io.camstream.recording.export;

import io.camstream.core.process.ChildProcess;
import io.camstream.recording.playback.RecordedFrames;
import io.camstream.spi.Frame;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Makes a video file of a recording with ffmpeg, fed the stored JPEGs on its standard input. Matroska takes them
 * as they are ({@code -c:v copy}: nothing is decoded or encoded); MP4 is encoded to H.264 so that phones and
 * browsers play it. Frames get a constant rate, the recording's average (a timelapse's own rate), so that every
 * frame is kept. At most {@link #MAX_RUNNING} exports run at once; ffmpeg's own messages are kept for the error.
 */
public final class Exporter {

    static final int MAX_RUNNING = 2;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** A container: its file name extension and ffmpeg's options for it. */
    public enum Format {
        /** Matroska, the JPEGs as they are. */
        MKV("mkv", "video/x-matroska", List.of("-c:v", "copy", "-f", "matroska")),
        /** MP4 with H.264, for phones and browsers. */
        MP4("mp4", "video/mp4", List.of("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2", "-movflags", "+faststart", "-f", "mp4"));

        private final String extension;
        private final String mediaType;
        private final List<String> options;

        Format(String extension, String mediaType, List<String> options) {
            this.extension = extension;
            this.mediaType = mediaType;
            this.options = options;
        }

        /** @return {@code mkv} or {@code mp4} */
        public String extension() {
            return extension;
        }

        /** @return the file's media type */
        public String mediaType() {
            return mediaType;
        }

        /** @return the format with an extension */
        public static Optional<Format> of(String extension) {
            for (Format format : values()) {
                if (format.extension.equals(extension.toLowerCase(Locale.ROOT))) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    /** Why an export could not be made; the message is for the user. */
    public static final class ExportException extends Exception {
        ExportException(String message) {
            super(message);
        }
    }

    private final Optional<Path> ffmpeg;
    private final Semaphore running = new Semaphore(MAX_RUNNING);

    private Exporter(Optional<Path> ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** @return an exporter with the ffmpeg found on {@code PATH}, if any */
    public static Exporter onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "ffmpeg");
            if (Files.isExecutable(candidate)) {
                return new Exporter(Optional.of(candidate));
            }
        }
        return new Exporter(Optional.empty());
    }

    /** @return whether exports can be made */
    public boolean available() {
        return ffmpeg.isPresent();
    }

    /**
     * Writes a recording's frames into a file.
     *
     * @param frames   the recording's frames
     * @param fps      the rate they get
     * @param format   the container
     * @param file     where the video goes; it must not exist
     * @throws ExportException when ffmpeg is missing, busy, fails or runs too long
     * @throws IOException when ffmpeg cannot be started or fed
     * @throws InterruptedException when interrupted; ffmpeg is then killed
     */
    public void export(RecordedFrames frames, double fps, Format format, Path file)
            throws ExportException, IOException, InterruptedException {
        if (ffmpeg.isEmpty()) {
            throw new ExportException("export needs ffmpeg, which is not installed here: 'sudo apt install ffmpeg',"
                    + " then restart camstream");
        }
        if (frames.size() == 0) {
            throw new ExportException("the recording has no frames left to export");
        }
        if (!running.tryAcquire()) {
            throw new ExportException(MAX_RUNNING + " exports are being made; try again when one is done");
        }
        try {
            run(frames, fps, format, file);
        } finally {
            running.release();
        }
    }

    private void run(RecordedFrames frames, double fps, Format format, Path file)
            throws ExportException, IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ffmpeg.get().toString(), "-hide_banner", "-nostats",
                "-loglevel", "error", "-f", "mjpeg", "-framerate", String.format(Locale.ROOT, "%.6f", fps),
                "-i", "pipe:0"));
        command.addAll(format.options);
        command.add(file.toString());
        Path log = Files.createTempFile("camstream-export", ".log");
        try (ChildProcess child = ChildProcess.start(
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()))) {
            Process process = child.process();
            try (OutputStream in = process.getOutputStream()) {
                for (int i = 0; i < frames.size(); i++) {
                    Optional<Frame> frame = frames.read(i);
                    if (frame.isPresent()) {
                        in.write(frame.get().jpeg());
                    }
                }
            } catch (IOException e) {
                // ffmpeg stopped reading: its exit status and messages say why
            }
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ExportException("ffmpeg took longer than " + TIMEOUT.toMinutes() + " minutes");
            }
            if (process.exitValue() != 0) {
                String said = Files.readString(log).strip();
                throw new ExportException("ffmpeg failed (exit " + process.exitValue() + ")"
                        + (said.isEmpty() ? "" : ": " + said.lines().limit(5).reduce((a, b) -> a + "; " + b)
                        .orElse("")));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
