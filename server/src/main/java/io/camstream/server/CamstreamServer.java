package io.camstream.server;

import io.camstream.core.cameras.Cameras;
import io.camstream.core.driver.DriverRegistry;
import io.camstream.server.config.ConfigFiles;
import io.camstream.server.http.PageService;
import io.camstream.server.http.StreamService;
import io.camstream.server.http.ViewerLimits;
import io.camstream.server.http.WriteWatchdog;
import io.camstream.server.auth.BasicAuthFeature;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;

/**
 * A running camstream: the installed drivers, the configured cameras and the web server, started in that order
 * and closed in the reverse one, so that captures (and their child processes) end before the server.
 */
public final class CamstreamServer implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(CamstreamServer.class.getName());

    private final DriverRegistry drivers;
    private final Cameras cameras;
    private final WriteWatchdog watchdog;
    private final WebServer webServer;

    private CamstreamServer(DriverRegistry drivers, Cameras cameras, WriteWatchdog watchdog, WebServer webServer) {
        this.drivers = drivers;
        this.cameras = cameras;
        this.watchdog = watchdog;
        this.webServer = webServer;
    }

    /**
     * Starts camstream with a configuration.
     *
     * @param root the configuration's root node
     * @return the running server
     * @throws io.camstream.core.StartupException            when the drivers cannot be loaded as configured
     * @throws io.camstream.spi.CameraConfigException when a camera's configuration is wrong
     */
    public static CamstreamServer start(Config root) {
        DriverRegistry drivers = DriverRegistry.discover(CamstreamServer.class.getClassLoader(),
                ConfigFiles.driversDir(root));
        Cameras cameras;
        StreamPolicy policy;
        try {
            cameras = Cameras.fromConfig(root.get("camstream.cameras"), drivers);
            policy = StreamPolicy.from(root.get("camstream"));
        } catch (RuntimeException e) {
            drivers.close();
            throw e;
        }
        WriteWatchdog watchdog = new WriteWatchdog(policy.viewerWriteTimeout());
        try {
            WebServer webServer = WebServer.builder()
                    .config(root.get("server"))
                    .shutdownHook(false)
                    .routing(routing -> routing(routing, cameras, policy, watchdog))
                    .build()
                    .start();
            LOGGER.log(System.Logger.Level.INFO, "camstream serves {0} camera(s) {1} at http://localhost:{2}/",
                    cameras.names().size(), cameras.names(), String.valueOf(webServer.port()));
            return new CamstreamServer(drivers, cameras, watchdog, webServer);
        } catch (RuntimeException e) {
            watchdog.close();
            cameras.close();
            drivers.close();
            throw e;
        }
    }

    static void routing(HttpRouting.Builder routing, Cameras cameras, StreamPolicy policy, WriteWatchdog watchdog) {
        if (policy.auth().enabled()) {
            routing.addFeature(new BasicAuthFeature(policy.auth(), cameras.defaultCamera().name()));
        }
        routing.register(new PageService(cameras))
                .register(new StreamService(cameras, new ViewerLimits(policy.serverMaxViewers()), watchdog));
    }

    /**
     * The port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return webServer.port();
    }

    /**
     * The configured cameras.
     *
     * @return the cameras
     */
    public Cameras cameras() {
        return cameras;
    }

    /**
     * Stops the cameras first, which ends every open stream, then the web server, then releases the drivers.
     */
    @Override
    public void close() {
        cameras.close();
        webServer.stop();
        watchdog.close();
        drivers.close();
    }
}
