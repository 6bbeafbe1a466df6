package io.camstream.server;

import io.camstream.core.StartupException;
import io.camstream.core.cameras.Cameras;
import io.camstream.core.driver.DriverRegistry;
import io.camstream.core.time.Deadlines;
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
import io.camstream.server.http.CameraResolver;
import io.camstream.server.http.ConfigService;
import io.camstream.server.http.CameraRoutes;
import io.camstream.server.http.CorsFeature;
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
import io.camstream.server.log.HelidonLogFilter;
import io.camstream.server.log.IncidentLog;
import io.camstream.server.net.BrokenRequestAnswer;
import io.camstream.server.net.ConnectionGate;
import io.camstream.server.net.ConnectionSettings;
import io.camstream.server.net.RequestTracking;
import io.camstream.server.observe.CameraMeters;
import io.camstream.server.observe.ConnectionMeters;
import io.camstream.server.observe.Observability;
import io.helidon.config.Config;
import io.helidon.http.DirectHandler;
import io.helidon.http.NotFoundException;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.spi.ProtocolConfig;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A running camstream: the installed drivers, the configured cameras and the web server behind its connection gate,
 * started in that order and closed in the reverse one, so that captures (and their child processes) end before the
 * server; with a configuration file, what follows it while the server runs.
 */
public final class CamstreamServer implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(CamstreamServer.class.getName());
    /** How late a deadline may fire: a slow request head is closed at most this long after its time is up. */
    private static final Duration DEADLINE_TICK = Duration.ofMillis(100);
    private static final Duration INCIDENT_SUMMARY = Duration.ofMinutes(1);

    private final DriverRegistry drivers;
    private final Cameras cameras;
    private final Recorders recorders;
    private final RecordingService recordingService;
    private final CameraMeters meters;
    private final Deadlines deadlines;
    private final IncidentLog incidents;
    private final ConnectionGate gate;
    private final HelidonLogFilter logFilter;
    private final ConnectionMeters connectionMeters;
    private final BasicAuthFeature auth;
    private final List<CameraRoutes.Route> routes;
    private final WebServer webServer;
    private final Optional<LiveConfig> live;

    private CamstreamServer(DriverRegistry drivers, Cameras cameras, Recorders recorders,
                            RecordingService recordingService, CameraMeters meters, Deadlines deadlines,
                            IncidentLog incidents, ConnectionGate gate, HelidonLogFilter logFilter,
                            ConnectionMeters connectionMeters, BasicAuthFeature auth, List<CameraRoutes.Route> routes,
                            WebServer webServer, Optional<LiveConfig> live) {
        this.drivers = drivers;
        this.cameras = cameras;
        this.recorders = recorders;
        this.recordingService = recordingService;
        this.meters = meters;
        this.deadlines = deadlines;
        this.incidents = incidents;
        this.gate = gate;
        this.logFilter = logFilter;
        this.connectionMeters = connectionMeters;
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
        ConnectionSettings connections;
        Map<String, CameraRecordingSettings> recording;
        try {
            Config camerasNode = root.get("camstream.cameras");
            cameras = Cameras.fromConfig(camerasNode, drivers, CameraRecordingSettings.CAMERA_KEYS);
            recording = Recorders.settings(camerasNode, dataDir);
            policy = StreamPolicy.from(root.get("camstream"), linkKeyFile);
            links = links(policy);
            connections = ConnectionSettings.from(root.get("camstream"));
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
        Deadlines deadlines = Deadlines.start("camstream-deadlines", DEADLINE_TICK);
        IncidentLog incidents = new IncidentLog(deadlines, INCIDENT_SUMMARY);
        ConnectionGate gate = new ConnectionGate(connections, deadlines, incidents);
        HelidonLogFilter logFilter = HelidonLogFilter.install(incidents, gate::clientOfChannel);
        ConnectionMeters connectionMeters = ConnectionMeters.register(Metrics.globalRegistry(), gate);
        RequestTracking tracking = new RequestTracking(gate);
        Http1Config http1 = Http1Config.builder().config(root.get("server.protocols.http_1_1"))
                .addReceiveListener(tracking).build();
        WriteWatchdog watchdog = new WriteWatchdog(policy.viewerWriteTimeout(), deadlines);
        StreamService streams = new StreamService(limits, watchdog);
        RecordingService recordingService = new RecordingService(recorders, streams);
        List<CameraRoutes.Route> routes = new ArrayList<>();
        WebServer webServer = null;
        try {
            webServer = WebServer.builder()
                    .update(ListenerDefaults::apply)
                    .config(root.get("server"))
                    .update(server -> ListenerDefaults.tlsOverNio(server, root.get("server")))
                    .update(server -> http1(server, http1))
                    .serverContext(gate.context())
                    .directHandlers(DirectHandlers.builder().addHandler(DirectHandler.EventType.INTERNAL_ERROR,
                            new BrokenRequestAnswer(tracking, incidents)).build())
                    .shutdownHook(false)
                    .addConnectionSelector(new BadMethodSelector(incidents))
                    .addConnectionSelector(new Http10Selector(http1))
                    .addFeature(Observability.feature(root.get("server.features.observe"), cameras, recorders, gate,
                            status, access::settings))
                    .routing(routing -> routes.addAll(routing(routing, new CameraResolver(cameras, access),
                            root.get("camstream"), streams, recordingService, recorders, links, auth, tracking,
                            new ConfigService(status, cameras::names, drivers))))
                    .build()
                    .start();
            Optional<LiveConfig> live = Optional.empty();
            if (file.isPresent()) {
                WebServer started = webServer;
                live = Optional.of(LiveConfig.start(file.get().path(), file.get().content(), root,
                        new Reconfiguration(cameras, drivers, recorders, dataDir, access, auth, limits, gate,
                                linkKeyFile),
                        drivers, cameras,
                        webServer.hasTls() ? Optional.of(started::reloadTls) : Optional.empty(), status));
            }
            if (!ConnectionGate.installed()) {
                LOGGER.log(System.Logger.Level.WARNING, "Connections are not limited: header-read-timeout, "
                        + "keep-alive-timeout and the connection caps need the JVM options that bin/camstream sets "
                        + "(-Djava.nio.channels.spi.SelectorProvider=io.camstream.server.net.GatedSelectorProvider "
                        + "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED)");
            }
            LOGGER.log(System.Logger.Level.INFO, "camstream serves {0} camera(s) {1} at {2}",
                    cameras.names().size(), cameras.names(), servedAt(webServer));
            return new CamstreamServer(drivers, cameras, recorders, recordingService, meters, deadlines, incidents,
                    gate, logFilter, connectionMeters, auth, List.copyOf(routes), webServer, live);
        } catch (RuntimeException e) {
            if (webServer != null) {
                webServer.stop();
            }
            auth.close();
            recordingService.close();
            logFilter.close();
            connectionMeters.close();
            gate.close();
            incidents.close();
            deadlines.close();
            meters.close();
            recorders.close();
            cameras.close();
            drivers.close();
            throw e;
        }
    }

    /** Gives the HTTP/1.1 protocol, as configured under {@code server.protocols.http_1_1}, camstream's listener. */
    private static void http1(WebServerConfig.BuilderBase<?, ?> server, Http1Config http1) {
        List<ProtocolConfig> protocols = new ArrayList<>();
        for (ProtocolConfig protocol : server.protocols()) {
            if (!(protocol instanceof Http1Config)) {
                protocols.add(protocol);
            }
        }
        protocols.add(http1);
        server.protocols(protocols);
    }

    /** Where the default listener serves, as a user would type it: scheme, the address bound, the port. */
    private static String servedAt(WebServer server) {
        InetAddress address = server.prototype().address();
        String scheme = server.hasTls() ? "https" : "http";
        if (address.isAnyLocalAddress()) {
            return scheme + "://localhost:" + server.port() + "/ (and every other address of this machine)";
        }
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return scheme + "://" + host + ":" + server.port() + "/";
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
                                            RequestTracking tracking, ConfigService config) {
        routing.addFeature(tracking);
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

    /**
     * The gate every connection passes: its figures and settings.
     *
     * @return the gate
     */
    public ConnectionGate connections() {
        return gate;
    }

    /**
     * What to do when a listener stops accepting connections while the server runs (Helidon ends a listener on an
     * error it does not expect): {@link Main} exits, so that the service manager starts camstream anew. Health
     * reports the server down meanwhile.
     *
     * @param action called once, with the reason
     */
    public void onListenerLost(Consumer<String> action) {
        gate.onListenerLost(action);
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
     * Sums up the incidents counted, stops following the configuration, closes the recordings, stops the cameras,
     * which ends every open stream, then the web server, then releases the drivers.
     */
    @Override
    public void close() {
        incidents.close(); // first: at exit, the JVM closes the log's handlers at a moment of its own
        live.ifPresent(LiveConfig::close);
        recorders.close();
        cameras.close();
        gate.stopping();
        webServer.stop();
        recordingService.close();
        auth.close();
        logFilter.close();
        connectionMeters.close();
        gate.close();
        deadlines.close();
        meters.close();
        drivers.close();
    }
}
