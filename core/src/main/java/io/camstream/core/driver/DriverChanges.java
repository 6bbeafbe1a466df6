package io.camstream.core.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one look at the drivers directories changed: which driver names now have another driver, or none. The
 * cameras of these drivers are moved to the new ones (or told theirs is gone) before this is closed; closing releases
 * the jars that were replaced or removed, whose classes nothing may use any more.
 */
public final class DriverChanges implements AutoCloseable {

    private final Map<String, Optional<String>> changed = new LinkedHashMap<>();
    private final List<DriverJar> retired = new ArrayList<>();

    DriverChanges() {
    }

    /** A jar's drivers are no longer installed, or are replaced by those of {@code next} when there is one. */
    void retire(DriverJar old, Optional<DriverJar> next) {
        Set<String> kept = next.map(jar -> Set.copyOf(jar.drivers().stream().map(InstalledDriver::name).toList()))
                .orElse(Set.of());
        String why = next.isPresent() ? "the new version of " + old.jar() + " has none" : old.jar() + " is gone";
        for (InstalledDriver driver : old.drivers()) {
            changed.put(driver.name(), kept.contains(driver.name()) ? Optional.empty()
                    : Optional.of("driver " + driver.name() + " was removed: " + why));
        }
        retired.add(old);
    }

    /** A jar's drivers are new or new versions. */
    void arrived(DriverJar jar) {
        jar.drivers().forEach(driver -> changed.put(driver.name(), Optional.empty()));
    }

    /**
     * Whether anything changed.
     *
     * @return {@code true} when no driver came, went or was replaced
     */
    public boolean isEmpty() {
        return changed.isEmpty();
    }

    /**
     * The names of the drivers that came, went or were replaced.
     *
     * @return the names
     */
    public Set<String> names() {
        return changed.keySet();
    }

    /**
     * Why a driver is no longer installed, for the cameras that used it.
     *
     * @param name a driver's name
     * @return the reason, or empty when it was not removed
     */
    public Optional<String> removal(String name) {
        return changed.getOrDefault(name, Optional.empty());
    }

    /** Releases the jars replaced or removed: their class loaders and private copies. */
    @Override
    public void close() {
        retired.forEach(DriverJar::close);
        retired.clear();
    }
}
