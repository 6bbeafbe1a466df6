package io.camstream.core.cameras;

import io.camstream.core.driver.InstalledDriver;
import io.camstream.core.fanout.FeedSettings;
import io.helidon.config.Config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A list of cameras that passed every check, ready to be applied by {@link Cameras#apply(CameraPlan)}.
 */
public final class CameraPlan {

    /**
     * One camera as planned.
     *
     * @param name        its name
     * @param config      its node, handed to the driver
     * @param fingerprint every key of its node that affects how it runs, with its value: equal fingerprints mean
     *                    the camera did not change
     * @param driver      its driver; empty for a camera kept as it is while it waits for its driver
     * @param settings    how its feed runs
     */
    record Entry(String name, Config config, Map<String, String> fingerprint, Optional<InstalledDriver> driver,
                 FeedSettings settings) {
    }

    private final List<Entry> entries;

    CameraPlan(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * The cameras' names, in configuration order.
     *
     * @return the names
     */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }
}
