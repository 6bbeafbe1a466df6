package io.camstream.driver.pi;

import com.pi4j.io.gpio.digital.DigitalOutput;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A camera's status LED: a GPIO output that is high while the camera captures. Closing it turns it off and gives
 * the pin back.
 */
final class StatusLed implements AutoCloseable {

    private final StatusLeds leds;
    private final DigitalOutput output;
    private final AtomicBoolean closed = new AtomicBoolean();

    StatusLed(StatusLeds leds, DigitalOutput output) {
        this.leds = leds;
        this.output = output;
    }

    void on() {
        output.high();
    }

    int pin() {
        return output.address().intValue();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            leds.release(output);
        }
    }
}
