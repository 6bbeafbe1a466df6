package io.camstream.server;

import sun.misc.Signal;

/**
 * What the process does on the signals a service manager and a terminal send.
 * <p>
 * SIGTERM (systemd, kill) and SIGINT (Ctrl-C) stop camstream cleanly. A JVM killed by a signal exits with 128 + the
 * signal's number even when its shutdown hooks ran well, and a service manager reads that as a failure; so the
 * signals are caught and turned into an ordinary exit with status 0, which still runs the shutdown hook that closes
 * cameras before the web server.
 * <p>
 * SIGHUP (a closed terminal, {@code systemctl reload}) would end the JVM; it runs the reload action instead, which
 * reads the configuration file again.
 */
final class Signals {

    private static final System.Logger LOGGER = System.getLogger(Signals.class.getName());

    private Signals() {
    }

    /**
     * Installs the handlers.
     *
     * @param server the server to close on SIGTERM and SIGINT
     * @param reload what SIGHUP does
     */
    static void install(CamstreamServer server, Runnable reload) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOGGER.log(System.Logger.Level.INFO, "Stopping camstream");
            server.close();
        }, "camstream-shutdown"));
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> Runtime.getRuntime().exit(0));
        }
        Signal.handle(new Signal("HUP"), signal -> reload.run());
    }
}
