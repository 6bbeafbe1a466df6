package io.camstream.server.live;

import io.camstream.core.cameras.Cameras;
import io.camstream.core.driver.DriverChanges;
import io.camstream.core.driver.DriverRegistry;

import java.nio.file.Path;
import java.util.Set;

/**
 * Takes in driver jars copied into, replaced in or removed from the drivers directories: the cameras of a driver
 * that came back or was replaced restart on it, those of a driver removed show NO SIGNAL saying so, and the old jars
 * are released once no camera uses them. A configuration refused for want of a driver is tried again.
 */
final class DriverWatch implements FileWatch.Check {

    private final DriverRegistry drivers;
    private final Cameras cameras;
    private final Runnable changed;

    /**
     * @param drivers the installed drivers
     * @param cameras the cameras to move
     * @param changed told after the drivers changed
     */
    DriverWatch(DriverRegistry drivers, Cameras cameras, Runnable changed) {
        this.drivers = drivers;
        this.cameras = cameras;
        this.changed = changed;
    }

    Set<Path> directories() {
        return Set.copyOf(drivers.driversDirs());
    }

    @Override
    public boolean settling() {
        boolean any;
        try (DriverChanges changes = drivers.rescan()) {
            any = !changes.isEmpty();
            if (any) {
                cameras.useDrivers(drivers, changes);
            }
        }
        if (any) {
            changed.run();
        }
        return drivers.settling();
    }
}
