package io.camstream.server;

import io.camstream.core.cameras.Cameras;
import io.camstream.core.driver.DriverRegistry;
import io.camstream.server.config.ConfigFiles;
import io.camstream.server.http.PageService;
import io.camstream.server.http.StreamService;
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
    private final WebServer webServer;

    private CamstreamServer(DriverRegistry drivers, Cameras cameras, WebServer webServer) {
        this.drivers = drivers;
        this.cameras = cameras;
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
        try {
            cameras = Cameras.fromConfig(root.get("camstream.cameras"), drivers);
        } catch (RuntimeException e) {
            drivers.close();
            throw e;
        }
        try {
            WebServer webServer = WebServer.builder()
                    .update(ListenerDefaults::apply)
                    .config(root.get("server"))
                    .shutdownHook(false)
                    .routing(routing -> routing(routing, cameras))
                    .build()
                    .start();
            LOGGER.log(System.Logger.Level.INFO, "camstream serves {0} camera(s) {1} at http://localhost:{2}/",
                    cameras.names().size(), cameras.names(), String.valueOf(webServer.port()));
            return new CamstreamServer(drivers, cameras, webServer);
        } catch (RuntimeException e) {
            cameras.close();
            drivers.close();
            throw e;
        }
    }

    static void routing(HttpRouting.Builder routing, Cameras cameras) {
        routing.register(new PageService(cameras))
                .register(new StreamService(cameras));
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
        drivers.close();
    }
}
