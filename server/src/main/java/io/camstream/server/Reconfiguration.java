package io.camstream.server;

import io.camstream.core.cameras.CameraPlan;
import io.camstream.core.cameras.Cameras;
import io.camstream.core.driver.DriverRegistry;
import io.camstream.recording.CameraRecordingSettings;
import io.camstream.recording.Recorders;
import io.camstream.server.auth.Access;
import io.camstream.server.auth.BasicAuthFeature;
import io.camstream.server.config.ConfigFiles;
import io.camstream.server.http.ViewerLimits;
import io.camstream.server.live.LiveConfig;
import io.camstream.server.net.ConnectionGate;
import io.camstream.server.net.ConnectionSettings;
import io.helidon.common.tls.Tls;
import io.helidon.config.Config;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a changed configuration file changes in a running camstream: the cameras (with their recording settings),
 * the users and who may watch which camera (for new requests and, through their grants, open streams), the login
 * rules, the stream limit and the connection gate's times and caps. Every part is checked as start-up checks it before any is applied, so a file that
 * fails one check changes nothing. Users are applied before cameras, so a new camera is never shown to someone its
 * {@code allowed-users} leave out. Recordings go where they went at start-up: {@code camstream.data-dir} needs a
 * restart.
 */
final class Reconfiguration implements LiveConfig.Target {

    private final Cameras cameras;
    private final DriverRegistry drivers;
    private final Recorders recorders;
    private final Path dataDir;
    private final Access access;
    private final BasicAuthFeature auth;
    private final ViewerLimits limits;
    private final ConnectionGate gate;
    private final Path defaultLinkKeyFile;

    Reconfiguration(Cameras cameras, DriverRegistry drivers, Recorders recorders, Path dataDir, Access access,
                    BasicAuthFeature auth, ViewerLimits limits, ConnectionGate gate, Path defaultLinkKeyFile) {
        this.cameras = cameras;
        this.drivers = drivers;
        this.recorders = recorders;
        this.dataDir = dataDir;
        this.access = access;
        this.auth = auth;
        this.limits = limits;
        this.gate = gate;
        this.defaultLinkKeyFile = defaultLinkKeyFile;
    }

    @Override
    public void apply(Config root) {
        CameraPlan plan = cameras.plan(root.get("camstream.cameras"), drivers);
        Map<String, CameraRecordingSettings> recording = Recorders.settings(root.get("camstream.cameras"), dataDir);
        StreamPolicy policy = StreamPolicy.from(root.get("camstream"), defaultLinkKeyFile);
        ConnectionSettings connections = ConnectionSettings.from(root.get("camstream"));
        // Checked now although they apply at the next start, so that a mistake is not found only then.
        ConfigFiles.driversDirs(root);
        root.get("server.port").asInt().asOptional();
        Config tls = root.get("server.tls");
        if (tls.exists()) {
            Tls.create(tls);
        }
        access.update(policy.auth());
        auth.update(policy.auth());
        limits.serverMax(policy.serverMaxViewers());
        gate.update(connections);
        recorders.useSettings(recording);
        cameras.apply(plan);
    }
}
