package io.camstream.server;

import io.camstream.core.StartupException;
import io.camstream.spi.CameraConfigException;
import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.logging.common.LogConfig;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Starts camstream: {@code camstream [--config FILE]}.
 * <p>
 * A configuration mistake ends the process with status 2 and one message, without a stack trace unless the
 * {@code io.camstream} logger is at DEBUG. SIGTERM and Ctrl-C stop the cameras, then the server, and exit 0; SIGHUP
 * reads the configuration file again and applies it. A listener that stops accepting connections for good ends the
 * process with status 75, for the service manager to start it anew.
 */
public final class Main {

    private static final System.Logger LOGGER = System.getLogger(Main.class.getName());
    private static final int CONFIG_ERROR = 2;
    /** EX_TEMPFAIL: the server cannot go on as it is, and a new start should do. */
    private static final int LISTENER_LOST = 75;

    private Main() {
    }

    /**
     * Runs the server until the process is told to stop.
     *
     * @param args {@code --config FILE} to use a configuration file instead of the built-in one
     */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        CamstreamServer server;
        try {
            Optional<Path> configFile = CommandLine.parse(args).configFile();
            server = configFile.isPresent() ? CamstreamServer.start(configFile.get())
                    : CamstreamServer.start(Config.create());
        } catch (CameraConfigException | StartupException | ConfigException | UncheckedIOException e) {
            fail(e);
            return;
        }
        server.onListenerLost(Main::exitForRestart);
        Signals.install(server, server::reload);
        MemoryReturn.start();
        StartupRecording.started();
        awaitForever();
    }

    /**
     * Exits so that the service manager starts camstream anew, from another thread: the listener that reports its
     * end holds Helidon's locks, which the shutdown hook's stop of the server needs.
     */
    private static void exitForRestart(String reason) {
        LOGGER.log(System.Logger.Level.ERROR, "Exiting with status {0} so that camstream is started anew: {1}",
                LISTENER_LOST, reason);
        Thread.ofPlatform().name("camstream-exit").start(() -> System.exit(LISTENER_LOST));
    }

    private static void fail(RuntimeException e) {
        System.err.println("camstream: " + message(e));
        if (LOGGER.isLoggable(System.Logger.Level.DEBUG)) {
            e.printStackTrace();
        }
        System.exit(CONFIG_ERROR);
    }

    private static String message(RuntimeException e) {
        if (e instanceof UncheckedIOException io) {
            return "cannot start the web server: " + io.getCause().getMessage()
                    + " (is another program using the port? set server.port)";
        }
        return e.getMessage();
    }

    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
