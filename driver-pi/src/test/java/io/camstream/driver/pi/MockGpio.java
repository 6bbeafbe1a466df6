package io.camstream.driver.pi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Pi4J contexts on the mock platform, kept so tests can look at the pins the driver drives. */
final class MockGpio implements Supplier<Context> {

    private final List<Context> contexts = new CopyOnWriteArrayList<>();

    @Override
    public Context get() {
        Context context = Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(MockDigitalOutputProvider.newInstance())
                .build();
        contexts.add(context);
        return context;
    }

    /** Every context the driver made. */
    List<Context> contexts() {
        return contexts;
    }

    /** The output on a pin, while a live context has it. */
    Optional<DigitalOutput> output(int pin) {
        String id = "camstream-status-led-" + pin;
        return contexts.stream()
                .filter(context -> !context.isShutdown() && context.registry().exists(id))
                .map(context -> context.registry().get(id, DigitalOutput.class))
                .findFirst();
    }

    /** Whether the LED on a pin is lit: a live context drives it high. */
    boolean lit(int pin) {
        return output(pin).map(output -> output.state() == DigitalState.HIGH).orElse(false);
    }
}
