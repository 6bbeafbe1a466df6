package io.camstream.server.live;

/**
 * Where the state API and health read the {@link ConfigState}: set at start-up, then each time the file is read.
 */
public final class ConfigStatus {

    private volatile ConfigState state;

    /**
     * @param started the state at start-up
     */
    public ConfigStatus(ConfigState started) {
        this.state = started;
    }

    /**
     * The state now.
     *
     * @return the state
     */
    public ConfigState state() {
        return state;
    }

    void set(ConfigState next) {
        state = next;
    }
}
