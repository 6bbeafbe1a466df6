package io.camstream.server.http;

/**
 * A group of camstream's routes. It registers them on {@link CameraRoutes}, never on Helidon's rules directly, and
 * is not given the cameras: each route gets the camera it may serve from the registrar.
 */
public interface CameraService {

    /**
     * Registers the service's routes.
     *
     * @param routes the registrar
     */
    void routing(CameraRoutes routes);
}
