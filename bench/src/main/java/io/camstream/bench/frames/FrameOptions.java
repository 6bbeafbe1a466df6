package io.camstream.bench.frames;

import io.camstream.bench.Args;

import java.nio.file.Path;

/**
 * What benchmark frames to make.
 *
 * @param out      the folder to write {@code frame-001.jpg} and on into; created if missing
 * @param count    how many frames
 * @param width    width in pixels
 * @param height   height in pixels
 * @param targetKb the size to aim each JPEG at, in kB (1000 bytes)
 */
public record FrameOptions(Path out, int count, int width, int height, double targetKb) {

    /**
     * Reads the options of the frames command.
     *
     * @throws IllegalArgumentException naming the option that is wrong and why
     */
    public static FrameOptions from(Args args) {
        FrameOptions options = new FrameOptions(
                Path.of(args.required("out")),
                args.integer("count", 3, 1),
                args.integer("width", 1280, 16),
                args.integer("height", 720, 16),
                args.decimal("target-kb", 67, 1));
        args.rejectUnknown();
        return options;
    }
}
