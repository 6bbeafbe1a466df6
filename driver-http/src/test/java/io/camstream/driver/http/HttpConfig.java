package io.camstream.driver.http;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.util.HashMap;
import java.util.Map;

/** Builds a camera's config node as the server would hand it over, at {@code camstream.cameras.0}. */
final class HttpConfig {

    static final String NODE = "camstream.cameras.0";

    private HttpConfig() {
    }

    static Config camera(Map<String, String> values) {
        Map<String, String> full = new HashMap<>();
        values.forEach((key, value) -> full.put(NODE + "." + key, value));
        full.put(NODE + ".driver", "http");
        return Config.just(ConfigSources.create(full)).get(NODE);
    }
}
