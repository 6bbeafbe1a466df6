package io.camstream.core.stage;

import io.camstream.core.fanout.FrameSink;
import io.camstream.core.jpeg.FrameBuffers;
import io.camstream.core.jpeg.JpegException;
import io.camstream.core.jpeg.JpegLimits;
import io.camstream.core.jpeg.JpegTransformer;
import io.camstream.spi.Frame;
import io.camstream.spi.JpegSize;
import io.camstream.spi.Orientation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Objects;

/**
 * Turns every camera frame once, for all who see it (streams, snapshots, variants, recording), before it is
 * published: losslessly where the picture's size allows, as {@link JpegTransformer} decides. A frame that cannot be
 * turned (a kind of JPEG the toolkit does not read, or a damaged one) is passed on as the camera sent it, counted,
 * and said once in the log until frames turn again.
 */
public final class TurnStage implements FrameSink {

    private static final System.Logger LOGGER = System.getLogger(TurnStage.class.getName());
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String camera;
    private final Orientation turn;
    private final JpegTransformer transformer;
    // The stage runs on the capture's thread alone: one set of buffers serves every frame.
    private final FrameBuffers buffers = new FrameBuffers();
    private final TurnCounts counts;
    private final FrameSink next;
    private String loggedProblem;

    /**
     * Creates the stage.
     *
     * @param camera the camera's name, for the log
     * @param turn   how to turn frames; not {@link Orientation#NONE}
     * @param counts counts the ways frames were turned
     * @param next   takes the turned frames
     */
    public TurnStage(String camera, Orientation turn, TurnCounts counts, FrameSink next) {
        this.camera = camera;
        this.turn = turn;
        this.transformer = new JpegTransformer(turn, JpegLimits.DEFAULT);
        this.counts = counts;
        this.next = next;
    }

    @Override
    public void frame(Frame frame) {
        JpegTransformer.Result result;
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            result = transformer.transform(frame.jpeg(), buffers);
        } catch (JpegException e) {
            counts.countUnturned();
            if (!Objects.equals(e.getMessage(), loggedProblem)) {
                loggedProblem = e.getMessage();
                LOGGER.log(System.Logger.Level.WARNING, "Camera {0}: a frame cannot be turned ({1}); frames that"
                        + " cannot are shown as the camera sent them", camera, e.getMessage());
            }
            next.frame(frame);
            return;
        }
        if (loggedProblem != null) {
            loggedProblem = null;
            LOGGER.log(System.Logger.Level.INFO, "Camera {0}: frames are turned again", camera);
        }
        counts.count(result.path(), THREADS.getCurrentThreadCpuTime() - start);
        JpegSize size = turn.turn(new JpegSize(frame.width(), frame.height()));
        next.frame(new Frame(result.jpeg(), frame.sequence(), frame.captureTime(), size.width(), size.height()));
    }

    @Override
    public void unchanged() {
        next.unchanged();
    }

    @Override
    public void noSignal(String reason) {
        next.noSignal(reason);
    }
}
