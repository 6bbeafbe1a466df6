package io.camstream.recording;

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
 * and the exporter they share.
 */
public final class Recorders implements AutoCloseable {

    private final Map<String, CameraRecorder> recorders;
    private final Map<String, CameraRecordingSettings> settings;
    private final Exporter exporter;

    private Recorders(Map<String, CameraRecorder> recorders, Map<String, CameraRecordingSettings> settings,
                      Exporter exporter) {
        this.recorders = recorders;
        this.settings = settings;
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
     * Starts the recorders of the cameras whose settings ask for one.
     *
     * @param cameras  the cameras
     * @param settings their settings, from {@link #settings}
     * @param clock    the time
     * @return the recorders; close them before the cameras
     * @throws IOException when a camera's recording directory or index cannot be used; those started are closed
     */
    public static Recorders start(Cameras cameras, Map<String, CameraRecordingSettings> settings,
                                  InstantSource clock) throws IOException {
        Map<String, CameraRecorder> recorders = new LinkedHashMap<>();
        try {
            for (CameraFeed feed : cameras.all()) {
                CameraRecordingSettings camera = settings.get(feed.name());
                if (camera != null && camera.active()) {
                    recorders.put(feed.name(), CameraRecorder.start(feed, camera, clock, Optional.empty(),
                            ZoneId.systemDefault()));
                }
            }
        } catch (IOException | RuntimeException e) {
            closeAll(recorders);
            throw new IOException("camera recordings: " + e.getMessage(), e);
        }
        return new Recorders(Collections.unmodifiableMap(recorders), Map.copyOf(settings), Exporter.onPath());
    }

    /**
     * A camera's recorder.
     *
     * @param camera the camera's name
     * @return its recorder, if it detects, records or keeps a timelapse
     */
    public Optional<CameraRecorder> find(String camera) {
        return Optional.ofNullable(recorders.get(camera));
    }

    /** @return every recorder, in configuration order */
    public List<CameraRecorder> all() {
        return List.copyOf(recorders.values());
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
    public void close() {
        closeAll(recorders);
    }

    private static void closeAll(Map<String, CameraRecorder> recorders) {
        List<CameraRecorder> reversed = new ArrayList<>(recorders.values());
        Collections.reverse(reversed);
        reversed.forEach(CameraRecorder::close);
    }
}
