package io.camstream.server;

import io.camstream.core.StartupException;
import io.camstream.core.cameras.Cameras;
import io.camstream.core.driver.DriverRegistry;
import io.camstream.recording.CameraRecordingSettings;
import io.camstream.recording.Recorders;
import io.camstream.server.auth.Access;
import io.camstream.server.auth.BasicAuthFeature;
import io.camstream.server.auth.LinkKey;
import io.camstream.server.auth.Links;
import io.camstream.server.config.ConfigFiles;
import io.camstream.server.head.HeadResponse;
import io.camstream.server.http.ApiService;
import io.camstream.server.http.BadMethodSelector;
import io.camstream.server.http.ConfigService;
import io.camstream.server.http.CameraResolver;
import io.camstream.server.http.CameraRoutes;
import io.camstream.server.http.CorsFeature;
import io.camstream.server.http.HeaderReadTimeout;
import io.camstream.server.http.LinkService;
import io.camstream.server.http.PageService;
import io.camstream.server.http.RecordingService;
import io.camstream.server.http.SecurityHeaders;
import io.camstream.server.http.StreamService;
import io.camstream.server.http.ViewerLimits;
import io.camstream.server.http.WriteWatchdog;
import io.camstream.server.http10.Http10Selector;
import io.camstream.server.live.ConfigState;
import io.camstream.server.live.ConfigStatus;
import io.camstream.server.live.LiveConfig;
import io.camstream.server.observe.CameraMeters;
import io.camstream.server.observe.Observability;
import io.helidon.config.Config;
import io.helidon.http.NotFoundException;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.spi.ProtocolConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running camstream: the installed drivers, the configured cameras and the web server, started in that order
 * and closed in the reverse one, so that captures (and their child processes) end before the server.
 */
public final class CamstreamServer implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(CamstreamServer.class.getName());

    private final DriverRegistry drivers;
    private final Cameras cameras;
    private final Recorders recorders;
    private final RecordingService recordingService;
    private final CameraMeters meters;
    private final WriteWatchdog watchdog;
    private final HeaderReadTimeout headerTimeout;
    private final BasicAuthFeature auth;
    private final List<CameraRoutes.Route> routes;
    private final WebServer webServer;
    private final Optional<LiveConfig> live;

    private CamstreamServer(DriverRegistry drivers, Cameras cameras, Recorders recorders,
                            RecordingService recordingService, CameraMeters meters, WriteWatchdog watchdog,
                            HeaderReadTimeout headerTimeout, BasicAuthFeature auth, List<CameraRoutes.Route> routes,
                            WebServer webServer, Optional<LiveConfig> live) {
        this.drivers = drivers;
        this.cameras = cameras;
        this.recorders = recorders;
        this.recordingService = recordingService;
        this.meters = meters;
        this.watchdog = watchdog;
        this.headerTimeout = headerTimeout;
        this.auth = auth;
        this.routes = routes;
        this.webServer = webServer;
        this.live = live;
    }

    /** The file a configuration was read from, and what it held then. */
    private record ConfigFile(Path path, byte[] content) {
    }

    /**
     * Starts camstream with a configuration that came from no file: the link key is kept in {@code conf/} of the
     * installation unless {@code camstream.auth.link-key-file} says otherwise. Nothing is watched.
     *
     * @param root the configuration's root node
     * @return the running server
     * @throws io.camstream.core.StartupException            when the drivers cannot be loaded as configured
     * @throws io.camstream.spi.CameraConfigException when a camera's configuration is wrong
     */
    public static CamstreamServer start(Config root) {
        return start(root, Optional.empty());
    }

    /**
     * Starts camstream with a configuration file, and follows it: changes saved to it, to the drivers directories and
     * to the TLS certificates are taken in while the server runs (see {@link LiveConfig}). The link key is kept beside
     * the file by default.
     *
     * @param file the configuration file
     * @return the running server
     * @throws io.camstream.core.StartupException            when the file cannot be read, the drivers cannot be
     *                                                       loaded as configured, or a camera's recording
     *                                                       directory cannot be used
     * @throws io.camstream.spi.CameraConfigException when a camera's configuration is wrong
     */
    public static CamstreamServer start(Path file) {
        byte[] content = ConfigFiles.read(file);
        return start(ConfigFiles.parse(file, content), Optional.of(new ConfigFile(file, content)));
    }

    private static CamstreamServer start(Config root, Optional<ConfigFile> file) {
        Path linkKeyFile = ConfigFiles.defaultLinkKeyFile(file.map(ConfigFile::path));
        Path dataDir = ConfigFiles.dataDir(root);
        DriverRegistry drivers = DriverRegistry.discover(CamstreamServer.class.getClassLoader(),
                ConfigFiles.driversDirs(root));
        Cameras cameras;
        StreamPolicy policy;
        Links links;
        Map<String, CameraRecordingSettings> recording;
        try {
            Config camerasNode = root.get("camstream.cameras");
            cameras = Cameras.fromConfig(camerasNode, drivers, CameraRecordingSettings.CAMERA_KEYS);
            recording = Recorders.settings(camerasNode, dataDir);
            policy = StreamPolicy.from(root.get("camstream"), linkKeyFile);
            links = links(policy);
        } catch (RuntimeException e) {
            drivers.close();
            throw e;
        }
        Recorders recorders;
        try {
            recorders = Recorders.start(cameras, recording, InstantSource.system());
        } catch (IOException e) {
            cameras.close();
            drivers.close();
            throw new StartupException(e.getMessage() + " (set the camera's recording.dir or camstream.data-dir to"
                    + " a directory camstream may write)");
        }
        Access access = new Access(policy.auth(), links);
        BasicAuthFeature auth = new BasicAuthFeature(policy.auth(), access, links, cameras::names);
        ViewerLimits limits = new ViewerLimits(policy.serverMaxViewers());
        ConfigStatus status = new ConfigStatus(ConfigState.started(file.map(ConfigFile::path), false));
        CameraMeters meters = CameraMeters.register(Metrics.globalRegistry(), cameras, recorders);
        WriteWatchdog watchdog = new WriteWatchdog(policy.viewerWriteTimeout());
        HeaderReadTimeout headerTimeout = new HeaderReadTimeout(policy.headerReadTimeout());
        StreamService streams = new StreamService(limits, watchdog);
        RecordingService recordingService = new RecordingService(recorders, streams);
        List<CameraRoutes.Route> routes = new ArrayList<>();
        WebServer webServer = null;
        try {
            webServer = WebServer.builder()
                    .update(ListenerDefaults::apply)
                    .config(root.get("server"))
                    .update(server -> listenTo(server, root.get("server.protocols.http_1_1"), headerTimeout))
                    .shutdownHook(false)
                    .addConnectionSelector(new BadMethodSelector())
                    .addConnectionSelector(new Http10Selector(Http1Config.create()))
                    .addFeature(Observability.feature(root.get("server.features.observe"), cameras, recorders,
                            status, access::settings))
                    .routing(routing -> routes.addAll(routing(routing, new CameraResolver(cameras, access),
                            root.get("camstream"), streams, recordingService, recorders, links, auth,
                            new ConfigService(status, cameras::names, drivers))))
                    .build()
                    .start();
            Optional<LiveConfig> live = Optional.empty();
            if (file.isPresent()) {
                WebServer started = webServer;
                live = Optional.of(LiveConfig.start(file.get().path(), file.get().content(), root,
                        new Reconfiguration(cameras, drivers, recorders, dataDir, access, auth, limits,
                                linkKeyFile),
                        drivers, cameras,
                        webServer.hasTls() ? Optional.of(started::reloadTls) : Optional.empty(), status));
            }
            LOGGER.log(System.Logger.Level.INFO, "camstream serves {0} camera(s) {1} at http://localhost:{2}/",
                    cameras.names().size(), cameras.names(), String.valueOf(webServer.port()));
            return new CamstreamServer(drivers, cameras, recorders, recordingService, meters, watchdog,
                    headerTimeout, auth, List.copyOf(routes), webServer, live);
        } catch (RuntimeException e) {
            if (webServer != null) {
                webServer.stop();
            }
            auth.close();
            recordingService.close();
            headerTimeout.close();
            watchdog.close();
            meters.close();
            recorders.close();
            cameras.close();
            drivers.close();
            throw e;
        }
    }

    /** Hands the HTTP/1.1 protocol, as configured under {@code server.protocols.http_1_1}, the header timeout. */
    private static void listenTo(WebServerConfig.BuilderBase<?, ?> server, Config http1, HeaderReadTimeout timeout) {
        List<ProtocolConfig> protocols = new ArrayList<>();
        boolean found = false;
        for (ProtocolConfig protocol : server.protocols()) {
            if (protocol instanceof Http1Config configured) {
                protocols.add(Http1Config.builder().from(configured).addReceiveListener(timeout).build());
                found = true;
            } else {
                protocols.add(protocol);
            }
        }
        if (!found) {
            protocols.add(Http1Config.builder().config(http1).addReceiveListener(timeout).build());
        }
        server.protocols(protocols);
    }

    /** The link key, looked at now so that a key file that cannot be used is reported at the start. */
    private static Links links(StreamPolicy policy) {
        LinkKey key = new LinkKey(policy.auth().linkKeyFile());
        key.check();
        return new Links(key, Clock.systemUTC());
    }

    /**
     * Every route of camstream, registered through one {@link CameraRoutes} so that each gets its camera from the
     * resolver and answers HEAD.
     *
     * @return the routes registered
     */
    static List<CameraRoutes.Route> routing(HttpRouting.Builder routing, CameraResolver resolver, Config camstream,
                                            StreamService streams, RecordingService recordingService,
                                            Recorders recorders, Links links, BasicAuthFeature auth,
                                            ConfigService config) {
        routing.addFeature(SecurityHeaders.from(camstream));
        routing.addFeature(auth);
        CorsFeature.of(camstream.get("cors.allow-origin").asString().asOptional()).ifPresent(routing::addFeature);
        routing.error(NotFoundException.class, HeadResponse::notFound);
        return new CameraRoutes(routing, resolver)
                .register(streams.compatibility())
                .register(new PageService())
                .register(streams)
                .register(recordingService)
                .register(new ApiService(recorders))
                .register(config)
                .register(new LinkService(links))
                .routes();
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

    /** The installed drivers, for tests that look at their class loaders. */
    DriverRegistry drivers() {
        return drivers;
    }

    /** Every route camstream registered, in order; tests derive their cases from it. */
    List<CameraRoutes.Route> routes() {
        return routes;
    }

    /**
     * Reads the configuration file again at once and applies it, or says why not; what SIGHUP does.
     */
    public void reload() {
        live.ifPresentOrElse(config -> config.reloadNow("SIGHUP"), () -> LOGGER.log(System.Logger.Level.INFO,
                "SIGHUP: camstream runs on its built-in configuration (no --config file): nothing to read again"));
    }

    /**
     * Stops following the configuration, closes the recordings, stops the cameras, which ends every open stream,
     * then the web server, then releases the drivers.
     */
    @Override
    public void close() {
        live.ifPresent(LiveConfig::close);
        recorders.close();
        cameras.close();
        webServer.stop();
        recordingService.close();
        auth.close();
        headerTimeout.close();
        watchdog.close();
        meters.close();
        drivers.close();
    }
}
