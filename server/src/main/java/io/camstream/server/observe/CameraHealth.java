package io.camstream.server.observe;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.CameraStats;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

import java.util.Optional;

/**
 * Readiness of one camera: down while it shows NO SIGNAL and while its driver is not installed, up while it delivers
 * frames or rests without viewers (it starts on demand).
 */
final class CameraHealth implements HealthCheck {

    private final CameraFeed feed;

    CameraHealth(CameraFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "camera-" + feed.name();
    }

    @Override
    public HealthCheckResponse call() {
        CameraStats stats = feed.stats();
        boolean capturing = feed.capturing();
        Optional<String> driverMissing = feed.driverMissing();
        HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                .status(driverMissing.isEmpty() && (!capturing || stats.online()))
                .detail("driver", feed.driver())
                .detail("capturing", capturing)
                .detail("online", stats.online())
                .detail("fps", Math.round(stats.captureFps() * 10) / 10.0)
                .detail("viewers", feed.viewerCount());
        driverMissing.ifPresent(reason -> response.detail("driverMissing", reason));
        stats.lastError().ifPresent(error -> response
                .detail("lastError", error.message())
                .detail("lastErrorTime", error.time().toString()));
        return response.build();
    }
}
