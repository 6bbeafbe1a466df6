package io.camstream.core.variant;

import io.camstream.core.fanout.FeedClock;
import io.camstream.core.fanout.FrameFanout;
import io.camstream.core.fanout.FrameSlot;
import io.camstream.core.fanout.PictureSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The variants of one camera that someone wants now. A variant starts with its first stream or snapshot and is
 * dropped with its last, so nothing is encoded for a variant nobody watches; however many watch one, it is encoded
 * once per camera frame. Only widths of the camera's ladder smaller than its picture are offered, and at most
 * {@code max-variants} run at once, so no client can make the server encode sizes of its choosing.
 */
public final class Variants implements AutoCloseable {

    private final String camera;
    private final FrameSlot source;
    private final FeedClock clock;
    private final int fps;
    private final PictureSettings settings;
    private final IntSupplier pictureWidth;
    private final LongConsumer skipped;
    private final Map<VariantSpec, Variant> active = new LinkedHashMap<>();
    private long retiredFrames;
    private long retiredCpuNanos;
    private boolean closed;

    /**
     * Creates the camera's variants; none runs yet.
     *
     * @param camera       the camera's name, for messages and thread names
     * @param source       the camera's slot, which encoders take frames from
     * @param clock        the time the variants' viewers keep
     * @param fps          the camera's frame rate
     * @param settings     the widths offered and how many variants may run
     * @param pictureWidth the camera's picture width now, as viewers see it
     * @param skipped      told how many frames viewers of a variant missed because they were busy
     */
    public Variants(String camera, FrameSlot source, FeedClock clock, int fps, PictureSettings settings,
                    IntSupplier pictureWidth, LongConsumer skipped) {
        this.camera = camera;
        this.source = source;
        this.clock = clock;
        this.fps = fps;
        this.settings = settings;
        this.pictureWidth = pictureWidth;
        this.skipped = skipped;
    }

    /** @return the widths viewers may ask for now: those of the ladder smaller than the picture, smallest first */
    public List<Integer> widths() {
        int picture = pictureWidth.getAsInt();
        return settings.variantWidths().stream().filter(w -> w < picture).toList();
    }

    /**
     * The widths offered now, for messages.
     *
     * @return {@code 160, 320, 640}, or a sentence saying why none is offered
     */
    public String allowedWidths() {
        List<Integer> widths = widths();
        return widths.isEmpty()
                ? "none: the picture of camera " + camera + " is " + pictureWidth.getAsInt() + " pixels wide, not wider"
                        + " than any of its variant-widths " + settings.variantWidths()
                : widths.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /**
     * Why a variant may not be asked for.
     *
     * @param spec the variant
     * @return the reason, naming the widths allowed; empty when it may
     */
    public Optional<String> problem(VariantSpec spec) {
        if (spec.width() == VariantSpec.FULL_WIDTH || widths().contains(spec.width())) {
            return Optional.empty();
        }
        return Optional.of("width=" + spec.width() + " is not offered by camera " + camera + " (allowed: "
                + allowedWidths() + ")");
    }

    /**
     * A new stream or snapshot of a variant; starts the variant when it is the first. Called by the feed.
     *
     * @param spec the variant; {@link #problem} found nothing wrong with it
     * @return the fan-out to take the variant's frames from
     * @throws VariantRefusedException when the variant is not offered, or would be one more than
     *                                  {@code max-variants}
     * @throws IllegalStateException    when closed
     */
    public synchronized FrameFanout join(VariantSpec spec) {
        if (closed) {
            throw new IllegalStateException("the variants of camera " + camera + " are closed");
        }
        Variant variant = active.get(spec);
        if (variant == null) {
            Optional<String> problem = problem(spec);
            if (problem.isPresent()) {
                throw new VariantRefusedException(VariantRefusedException.Reason.NOT_OFFERED, problem.get());
            }
            if (active.size() >= settings.maxVariants()) {
                throw new VariantRefusedException(VariantRefusedException.Reason.LIMIT, "camera " + camera + " already encodes " + active.size()
                        + " variants (max-variants " + settings.maxVariants() + "): "
                        + active.keySet().stream().map(VariantSpec::toString).collect(Collectors.joining(", "))
                        + "; ask for one of those, or try again later");
            }
            variant = new Variant(camera, spec, source, new FrameFanout(clock, fps, skipped)).start();
            active.put(spec, variant);
        }
        variant.users++;
        return variant.output();
    }

    /**
     * A stream or snapshot of a variant ended; the variant is dropped with its last. Called by the feed.
     *
     * @param spec the variant joined before
     */
    public synchronized void leave(VariantSpec spec) {
        Variant variant = active.get(spec);
        if (variant != null && --variant.users == 0) {
            active.remove(spec);
            retire(variant);
        }
    }

    /** Beats every variant's fan-out, as the feed beats its own. */
    public void beat() {
        List<FrameFanout> outputs;
        synchronized (this) {
            outputs = active.values().stream().map(Variant::output).toList();
        }
        outputs.forEach(FrameFanout::beat);
    }

    /** @return the variants running now, in the order they started */
    public synchronized List<VariantState> states() {
        return active.values().stream().map(Variant::state).toList();
    }

    /** @return how many variants run now */
    public synchronized int count() {
        return active.size();
    }

    /** @return camera frames encoded by all variants since the server started */
    public synchronized long framesEncoded() {
        long total = retiredFrames;
        for (Variant variant : active.values()) {
            total += variant.framesEncoded();
        }
        return total;
    }

    /** @return CPU seconds spent encoding variants since the server started */
    public synchronized double encodeSeconds() {
        long total = retiredCpuNanos;
        for (Variant variant : active.values()) {
            total += variant.cpuNanos();
        }
        return total / 1e9;
    }

    /** Stops every variant and ends its viewers' waits. */
    @Override
    public synchronized void close() {
        closed = true;
        new ArrayList<>(active.values()).forEach(this::retire);
        active.clear();
    }

    private void retire(Variant variant) {
        variant.close();
        retiredFrames += variant.framesEncoded();
        retiredCpuNanos += variant.cpuNanos();
    }
}
