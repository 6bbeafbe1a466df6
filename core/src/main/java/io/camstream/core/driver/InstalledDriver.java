package io.camstream.core.driver;

import io.camstream.spi.CameraProvider;

/**
 * A driver found at start-up.
 *
 * @param name     the name cameras use in {@code driver:}
 * @param provider the driver itself
 * @param source   where it was found: a jar of the drivers directory, or the class path entry
 */
public record InstalledDriver(String name, CameraProvider provider, String source) {
}
