package io.camstream.recording;

import io.camstream.core.cameras.CameraListener;
import io.camstream.core.cameras.Cameras;
import io.camstream.core.fanout.CameraFeed;
import io.camstream.recording.export.Exporter;
import io.camstream.recording.record.CameraRecorder;
import io.camstream.spi.CameraConfigException;
import io.helidon.config.Config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recorders of every camera that detects, records or keeps a timelapse, in the order of the configuration,
 * and the exporter they share. As a {@link CameraListener} it follows the cameras while the server runs: a camera
 * added gets its recorder, a removed one's recorder is closed, and a changed camera (a new feed) gets a new one,
 * with the settings of the configuration then in force ({@link #useSettings}).
 */
public final class Recorders implements CameraListener, AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(Recorders.class.getName());

    /** A recorder, and the feed it records. */
    private record Running(CameraFeed feed, CameraRecorder recorder) {
    }

    private final InstantSource clock;
    private final Exporter exporter;
    /** Guarded by this, in the order the cameras came. */
    private final Map<String, Running> recorders = new LinkedHashMap<>();
    private volatile Map<String, CameraRecordingSettings> settings;

    private Recorders(Map<String, CameraRecordingSettings> settings, InstantSource clock, Exporter exporter) {
        this.settings = Map.copyOf(settings);
        this.clock = clock;
        this.exporter = exporter;
    }

    /**
     * Reads every camera's detection, recording and timelapse settings, without starting anything, so that a
     * mistake stops the start-up before the web server runs.
     *
     * @param cameras the {@code camstream.cameras} node
     * @param dataDir where cameras record by default
     * @return each camera's settings by name
     * @throws CameraConfigException when a value is wrong
     */
    public static Map<String, CameraRecordingSettings> settings(Config cameras, Path dataDir) {
        Map<String, CameraRecordingSettings> settings = new LinkedHashMap<>();
        for (Config entry : cameras.asNodeList().orElse(List.of())) {
            String name = entry.get("name").asString().orElse("");
            settings.put(name, CameraRecordingSettings.from(entry, name, dataDir));
        }
        return settings;
    }

    /**
     * Starts the recorders of the cameras whose settings ask for one, and follows the cameras from then on.
     *
     * @param cameras  the cameras
     * @param settings their settings, from {@link #settings}
     * @param clock    the time
     * @return the recorders; close them before the cameras
     * @throws IOException when a camera's recording directory or index cannot be used; those started are closed
     */
    public static Recorders start(Cameras cameras, Map<String, CameraRecordingSettings> settings,
                                  InstantSource clock) throws IOException {
        Recorders recorders = new Recorders(settings, clock, Exporter.onPath());
        try {
            for (CameraFeed feed : cameras.all()) {
                recorders.startFor(feed);
            }
        } catch (IOException | RuntimeException e) {
            recorders.close();
            throw new IOException("camera recordings: " + e.getMessage(), e);
        }
        cameras.listen(recorders);
        return recorders;
    }

    /**
     * Records cameras added from now on by other settings: those of a configuration about to be applied, checked
     * by {@link #settings}. A camera whose settings changed is a changed camera, which gets a new feed.
     *
     * @param next each camera's settings by name
     */
    public void useSettings(Map<String, CameraRecordingSettings> next) {
        settings = Map.copyOf(next);
    }

    /** A camera joined: its recorder starts, if its settings ask for one; one that cannot is reported. */
    @Override
    public synchronized void added(CameraFeed feed) {
        Running running = recorders.get(feed.name());
        if (running != null && running.feed() == feed) {
            return;
        }
        try {
            startFor(feed);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Camera {0} does not record: {1} (set its recording.dir or "
                    + "camstream.data-dir to a directory camstream may write)", feed.name(), e.getMessage());
        }
    }

    /** A camera leaves: its recorder writes what is queued and closes. */
    @Override
    public synchronized void removed(CameraFeed feed) {
        Running running = recorders.get(feed.name());
        if (running != null && running.feed() == feed) {
            recorders.remove(feed.name());
            running.recorder().close();
        }
    }

    private synchronized void startFor(CameraFeed feed) throws IOException {
        CameraRecordingSettings camera = settings.get(feed.name());
        if (camera != null && camera.active()) {
            recorders.put(feed.name(), new Running(feed, CameraRecorder.start(feed, camera, clock, Optional.empty(),
                    ZoneId.systemDefault())));
        }
    }

    /**
     * A camera's recorder.
     *
     * @param camera the camera's name
     * @return its recorder, if it detects, records or keeps a timelapse
     */
    public synchronized Optional<CameraRecorder> find(String camera) {
        return Optional.ofNullable(recorders.get(camera)).map(Running::recorder);
    }

    /** @return every recorder, in the order their cameras came */
    public synchronized List<CameraRecorder> all() {
        return recorders.values().stream().map(Running::recorder).toList();
    }

    /** @return the settings of a camera, if it is configured */
    public Optional<CameraRecordingSettings> settingsOf(String camera) {
        return Optional.ofNullable(settings.get(camera));
    }

    /** @return the exporter */
    public Exporter exporter() {
        return exporter;
    }

    /** Stops every recorder, in reverse order, writing what is queued. */
    @Override
    public synchronized void close() {
        List<Running> reversed = new ArrayList<>(recorders.values());
        Collections.reverse(reversed);
        recorders.clear();
        reversed.forEach(running -> running.recorder().close());
    }
}
