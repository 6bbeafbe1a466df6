package io.camstream.spi;

import io.helidon.config.Config;

import java.util.Optional;
import java.util.Set;

/**
 * A camera driver, found with {@link java.util.ServiceLoader} on the class path or in a jar of the drivers directory.
 * <p>
 * A driver jar lists its provider class in {@code META-INF/services/io.camstream.spi.CameraProvider}; the class needs
 * a public no-argument constructor. A camera in {@code application.yaml} names its driver with
 * {@code driver: <configKey>}, and the keys beside it are handed to the driver as its config node.
 */
public interface CameraProvider {

    /**
     * The driver's name, as cameras name it in {@code driver:}; lower case, for example {@code sim}.
     *
     * @return the driver's name
     */
    String configKey();

    /**
     * Checks a camera's configuration without opening anything, so that a mistake stops the server at start-up
     * rather than when the first viewer arrives. Throw a {@link CameraConfigException} naming the key (the
     * {@link ConfigValues} helpers do).
     *
     * @param config the camera's own node, for example {@code camstream.cameras.0}
     * @throws CameraConfigException when a value is missing, of the wrong type or out of range
     */
    default void validate(Config config) {
    }

    /**
     * The keys this driver reads from a camera's node. When not empty, a key beside {@code name} and
     * {@code driver} that neither camstream nor the driver knows is reported at start-up as a likely typo.
     *
     * @return the driver's own keys, or an empty set to skip the check
     */
    default Set<String> configKeys() {
        return Set.of();
    }

    /**
     * The picture size the camera will deliver with this configuration, as far as the driver can tell without
     * opening anything. camstream draws the NO SIGNAL picture shown before a camera's first frame (a camera that
     * fails from the start) at this size, so that a page does not change its layout when the first frame comes.
     *
     * @param config the camera's own node; {@link #validate(Config)} has accepted it
     * @return the size, or empty to use the camera's {@code width} and {@code height} keys, else 640×480
     */
    default Optional<JpegSize> expectedSize(Config config) {
        return Optional.empty();
    }

    /**
     * Which part of the camera's orientation (its {@code rotate} and {@code flip} keys, see {@link Orientation})
     * the driver applies itself, at no cost, before the frames reach camstream: for example a sensor read out
     * upside down, or an encoder that works on raw pictures anyway. camstream turns the frames by the rest,
     * {@code applied.inverse().then(wanted)}, losslessly where it can. Turning by a quarter alone
     * ({@link Orientation#TRANSPOSE}) is lossless for every picture size, so a driver that can mirror but not turn
     * does best to leave exactly that to camstream.
     * <p>
     * {@link #create(Config, String)} must then apply exactly what this returns, and {@link #expectedSize(Config)}
     * give the size after it.
     *
     * @param config the camera's own node; {@link #validate(Config)} has accepted it
     * @param wanted the orientation the camera's keys ask for
     * @return the part the driver applies: {@link Orientation#NONE} (the default) when it applies none
     */
    default Orientation appliedOrientation(Config config, Orientation wanted) {
        return Orientation.NONE;
    }

    /**
     * Opens the device and starts capturing. Called when the first viewer of the camera arrives and again after
     * every failure or idle stop, so it should be quick to call more than once.
     *
     * @param config the camera's own config node; {@link #validate(Config)} has accepted it
     * @param name   the camera's name, for messages and pictures
     * @return the running capture
     * @throws Exception when the device cannot be opened; the message is shown to viewers and the call retried
     */
    Camera create(Config config, String name) throws Exception;
}
