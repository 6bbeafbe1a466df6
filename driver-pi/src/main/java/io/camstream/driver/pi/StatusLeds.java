package io.camstream.driver.pi;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

import java.io.IOException;
import java.util.function.Supplier;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The status LEDs of the driver's cameras, on one Pi4J context that exists only while at least one LED is open.
 * <p>
 * One context for all cameras, not one each: Pi4J's gpiod provider keeps the GPIO chip in a JVM-wide singleton,
 * and shutting down any context closes that chip and releases every line, which would pull the pin from under
 * another camera's LED.
 */
final class StatusLeds {

    private static final System.Logger LOGGER = System.getLogger(StatusLeds.class.getName());

    private final Supplier<Context> contexts;
    private final ReentrantLock lock = new ReentrantLock();
    private Context context;
    private int open;

    /**
     * @param contexts makes the Pi4J context when the first LED is opened
     */
    StatusLeds(Supplier<Context> contexts) {
        this.contexts = contexts;
    }

    /**
     * Claims a pin as a low output.
     *
     * @param pin    the BCM number
     * @param key    the config key that named it, for messages
     * @param camera the camera's name
     * @return the LED, off
     * @throws IOException when the pin cannot be driven
     */
    StatusLed open(int pin, String key, String camera) throws IOException {
        lock.lock();
        try {
            try {
                if (context == null) {
                    context = contexts.get();
                }
                DigitalOutput output = context.create(DigitalOutput.newConfigBuilder(context)
                        .id("camstream-status-led-" + pin)
                        .name("status LED of camera " + camera)
                        .address(pin)
                        .initial(DigitalState.LOW)
                        .shutdown(DigitalState.LOW));
                open++;
                return new StatusLed(this, output);
            } catch (RuntimeException | LinkageError e) {
                if (open == 0) {
                    shutDownContext();
                }
                throw new IOException(key + ": cannot drive GPIO " + pin + " (BCM) for the status LED: " + e
                        + ". On a Raspberry Pi the user running camstream needs to be in the 'gpio' group, and the"
                        + " pin must not be used by another camera or program.", e);
            }
        } finally {
            lock.unlock();
        }
    }

    void release(DigitalOutput output) {
        lock.lock();
        try {
            try {
                output.low();
                context.shutdown(output);
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.WARNING, "Turning off the status LED on GPIO {0} failed: {1}",
                        output.address(), e.toString());
            }
            if (--open == 0) {
                shutDownContext();
            }
        } finally {
            lock.unlock();
        }
    }

    private void shutDownContext() {
        Context closing = context;
        context = null;
        if (closing != null) {
            try {
                closing.shutdown();
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.WARNING, "Shutting down Pi4J failed: {0}", e.toString());
            }
        }
    }
}
