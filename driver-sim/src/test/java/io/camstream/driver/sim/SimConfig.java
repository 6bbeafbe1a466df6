package io.camstream.driver.sim;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.util.HashMap;
import java.util.Map;

/** Builds a camera's config node as the server would hand it over, at {@code camstream.cameras.0}. */
final class SimConfig {

    static final String NODE = "camstream.cameras.0";

    private SimConfig() {
    }

    static Config camera(Map<String, String> values) {
        Map<String, String> full = new HashMap<>();
        values.forEach((key, value) -> full.put(NODE + "." + key, value));
        full.put(NODE + ".driver", "sim");
        return Config.just(ConfigSources.create(full)).get(NODE);
    }
}
