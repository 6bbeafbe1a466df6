package io.camstream.server;

import sun.misc.Signal;

/**
 * Stops camstream cleanly on SIGTERM (systemd, kill) and SIGINT (Ctrl-C).
 * <p>
 * A JVM killed by a signal exits with 128 + the signal's number even when its shutdown hooks ran well; a service
 * manager reads that as a failure. So the signals are caught and turned into an ordinary exit with status 0,
 * which still runs the shutdown hook that closes cameras before the web server.
 */
final class ShutdownSignals {

    private static final System.Logger LOGGER = System.getLogger(ShutdownSignals.class.getName());

    private ShutdownSignals() {
    }

    static void install(CamstreamServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOGGER.log(System.Logger.Level.INFO, "Stopping camstream");
            server.close();
        }, "camstream-shutdown"));
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> Runtime.getRuntime().exit(0));
        }
    }
}
