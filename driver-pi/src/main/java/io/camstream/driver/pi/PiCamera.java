package io.camstream.driver.pi;

import io.camstream.core.process.ProcessCamera;
import io.camstream.spi.Camera;
import io.camstream.spi.Frame;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A running Pi camera: rpicam-vid as a child process, and the status LED lit while it runs.
 */
final class PiCamera implements Camera {

    private final ProcessCamera process;
    private final Optional<StatusLed> led;
    private final Board board;

    PiCamera(ProcessCamera process, Optional<StatusLed> led, Board board) {
        this.process = process;
        this.led = led;
        this.board = board;
    }

    @Override
    public Frame nextFrame() throws Exception {
        return process.nextFrame();
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("board", board.model());
        details.put("os", board.os());
        details.putAll(process.details());
        led.ifPresent(on -> details.put("status LED", "GPIO " + on.pin()));
        return details;
    }

    /** Stops rpicam-vid, then turns the LED off: the light stays on for as long as the camera may be recording. */
    @Override
    public void close() {
        process.close();
        led.ifPresent(StatusLed::close);
    }
}
