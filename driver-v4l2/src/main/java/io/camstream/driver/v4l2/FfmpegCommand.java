package io.camstream.driver.v4l2;

import io.camstream.spi.Orientation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ffmpeg command line of a V4L2 camera: JPEGs back to back on stdout. A camera that sends MJPEG is passed
 * through untouched except for {@code mjpeg2jpeg}, which adds the Huffman tables many cameras leave out so that every
 * decoder can show the frames; a camera with only raw formats is encoded, turned first by an ffmpeg filter when the
 * camera's {@code rotate} or {@code flip} asks for it.
 */
final class FfmpegCommand {

    private FfmpegCommand() {
    }

    static List<String> of(V4l2Settings settings) {
        List<String> command = new ArrayList<>(List.of(settings.ffmpeg(), "-hide_banner", "-nostdin",
                "-loglevel", "error"));
        command.addAll(settings.input().orElseGet(() -> deviceInput(settings)));
        command.add("-an");
        if (settings.inputFormat().equals(V4l2Settings.MJPEG)) {
            command.addAll(List.of("-c:v", "copy", "-bsf:v", "mjpeg2jpeg"));
        } else {
            filter(settings.applied()).ifPresent(filter -> command.addAll(List.of("-vf", filter)));
            command.addAll(List.of("-c:v", "mjpeg", "-q:v", String.valueOf(qscale(settings.quality()))));
        }
        // Each frame goes out as soon as it is written, not when ffmpeg's 32 KiB pipe buffer fills.
        command.addAll(List.of("-flush_packets", "1", "-f", "mjpeg", "-"));
        return command;
    }

    /** The ffmpeg filter that turns raw pictures to an orientation. */
    static Optional<String> filter(Orientation orientation) {
        return Optional.ofNullable(switch (orientation) {
            case NONE -> null;
            case FLIP_HORIZONTAL -> "hflip";
            case FLIP_VERTICAL -> "vflip";
            case ROTATE_180 -> "hflip,vflip";
            case ROTATE_90 -> "transpose=clock";
            case ROTATE_270 -> "transpose=cclock";
            case TRANSPOSE -> "transpose=cclock_flip";
            case TRANSVERSE -> "transpose=clock_flip";
        });
    }

    /** ffmpeg's JPEG scale runs from 2 (best) to 31 (worst); quality runs from 1 (worst) to 100 (best). */
    static int qscale(int quality) {
        return 31 - Math.round((quality - 1) * 29 / 99f);
    }

    private static List<String> deviceInput(V4l2Settings settings) {
        return List.of("-f", "v4l2",
                "-input_format", settings.inputFormat(),
                "-video_size", settings.width() + "x" + settings.height(),
                "-framerate", String.valueOf(settings.fps()),
                "-i", settings.device());
    }
}
