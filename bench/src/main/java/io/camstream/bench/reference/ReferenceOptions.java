package io.camstream.bench.reference;

import io.camstream.bench.Args;

import java.nio.file.Path;

/**
 * How the bare reference server runs.
 *
 * @param host       the address to listen on
 * @param port       the port, 0 for any free one
 * @param folder     the folder whose JPEG files are streamed in a loop
 * @param fps        frames per second
 * @param sendBuffer each viewer's socket send buffer in bytes, 0 for the system's default
 */
public record ReferenceOptions(String host, int port, Path folder, double fps, int sendBuffer) {

    /**
     * Reads the options of the reference command.
     *
     * @throws IllegalArgumentException naming the option that is wrong and why
     */
    public static ReferenceOptions from(Args args) {
        ReferenceOptions options = new ReferenceOptions(
                args.optional("host").orElse("127.0.0.1"),
                args.integer("port", 8090, 0),
                Path.of(args.required("folder")),
                args.decimal("fps", 30, 0.1),
                args.integer("sndbuf", 0, 0));
        args.rejectUnknown();
        if (options.port() > 65535) {
            throw new IllegalArgumentException("--port must be at most 65535, was " + options.port());
        }
        return options;
    }
}
