package io.camstream.server.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Who may do what with which camera, decided in one place from today's users and each camera's
 * {@code allowed-users}: a user may watch a camera that lists them, or lists nobody; a link opens its own camera in
 * its own scope, and only while the user it was made for may still watch that camera, so removing a user or their
 * access revokes their links too. Listings (pages, the API's camera list) show a caller exactly the cameras it may
 * watch; a link opens no listing.
 * <p>
 * The users and lists change while the server runs ({@link #update}): new requests are decided by the new ones, and
 * open streams hold their {@link #grant}, which stops holding once the caller may no longer watch.
 */
public final class Access {

    private volatile AuthSettings settings;
    private final Links links;

    /**
     * Creates the rules.
     *
     * @param settings the users and per-camera lists
     * @param links    verifies links, for open streams
     */
    public Access(AuthSettings settings, Links links) {
        this.settings = settings;
        this.links = links;
    }

    /**
     * Decides by other users and lists from now on.
     *
     * @param next the users and per-camera lists in force
     */
    public void update(AuthSettings next) {
        settings = next;
    }

    /**
     * The users and lists in force.
     *
     * @return the settings
     */
    public AuthSettings settings() {
        return settings;
    }

    /**
     * Whether a caller may watch a camera (not saying whether it exists).
     *
     * @param caller who asks
     * @param camera the camera's name
     * @return {@code true} for everyone on a server without users, for a user the camera allows, and for a link
     *         to this camera that its user may still use
     */
    public boolean mayWatch(Caller caller, String camera) {
        AuthSettings now = settings;
        return switch (caller) {
            case Caller.Anyone anyone -> !now.enabled();
            case Caller.User user -> userMay(now, user.name(), camera);
            case Caller.Link link -> link.token().camera().equals(camera)
                    && userMay(now, link.token().user(), camera);
        };
    }

    /**
     * Why a link does not open a use of a camera, if it does not.
     *
     * @param link   the verified link
     * @param camera the camera the request names
     * @param use    what the route does
     * @return the reason for a 401, or empty when the link opens it
     */
    public Optional<String> linkRefusal(Caller.Link link, String camera, CameraUse use) {
        LinkToken token = link.token();
        if (!token.camera().equals(camera)) {
            return Optional.of("this link is for another camera");
        }
        if (!token.scope().allows(use)) {
            return Optional.of("this link opens " + token.scope().description() + " of camera " + camera);
        }
        if (!userMay(settings, token.user(), camera)) {
            return Optional.of("the user this link was made for may no longer watch camera " + camera);
        }
        return Optional.empty();
    }

    /**
     * Why a link does not open a route that names no camera: it never does.
     *
     * @return the reason for a 401
     */
    public static String linkOpensNoListing() {
        return "a link opens only the stream or snapshots of its camera";
    }

    /**
     * The cameras a caller sees in listings.
     *
     * @param caller  who asks
     * @param cameras every camera's name, in configuration order
     * @return those it may watch, in the same order; none for a link
     */
    public List<String> visible(Caller caller, List<String> cameras) {
        if (caller instanceof Caller.Link) {
            return List.of();
        }
        return cameras.stream().filter(camera -> mayWatch(caller, camera)).toList();
    }

    /**
     * What a caller let in to watch a camera may go on doing, for a stream that outlives the moment it was let in:
     * the grant stops holding once the caller may no longer watch the camera (the user or their place in its
     * {@code allowed-users} removed, logins required where none were), once a user's password is changed, and once a
     * link expires or its key is replaced.
     *
     * @param caller who was let in
     * @param camera the camera's name
     * @return {@code false} from the moment the caller's access has ended
     */
    public BooleanSupplier grant(Caller caller, String camera) {
        Optional<String> password = password(settings, caller);
        return () -> mayWatch(caller, camera) && password(settings, caller).equals(password)
                && (!(caller instanceof Caller.Link link) || links.holds(link));
    }

    /** The stored password of a user who logged in, as text; empty for anyone else. */
    private static Optional<String> password(AuthSettings settings, Caller caller) {
        return caller instanceof Caller.User user
                ? Optional.ofNullable(settings.users().get(user.name())).map(PasswordHash::format)
                : Optional.empty();
    }

    private static boolean userMay(AuthSettings settings, String user, String camera) {
        if (!settings.users().containsKey(user)) {
            return false;
        }
        Set<String> allowed = settings.allowedUsers().get(camera);
        return allowed == null || allowed.contains(user);
    }
}
