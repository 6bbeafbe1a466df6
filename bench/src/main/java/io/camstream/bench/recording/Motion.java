package io.camstream.bench.recording;

import io.camstream.bench.matrix.ServerProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's {@code motion} (4.5), detecting on a netcam URL at 1280x720 and 30 fps with its default detection
 * settings; it writes no pictures or movies, and its web control and stream are off, so it listens on nothing.
 */
final class Motion {

    private Motion() {
    }

    static ServerProcess start(Path work, String url) throws IOException {
        Path dir = Files.createDirectories(work.resolve("motion"));
        Path config = dir.resolve("motion.conf");
        Files.writeString(config, """
                daemon off
                setup_mode off
                log_file %1$s/motion.log
                log_level 5
                target_dir %1$s
                netcam_url %2$s
                netcam_keepalive off
                width 1280
                height 720
                framerate 30
                threshold 1500
                noise_level 32
                noise_tune on
                despeckle_filter EedDl
                minimum_motion_frames 1
                event_gap 60
                pre_capture 0
                post_capture 0
                picture_output off
                movie_output off
                snapshot_interval 0
                webcontrol_port 0
                webcontrol_localhost on
                stream_port 0
                stream_localhost on
                """.formatted(dir.toAbsolutePath(), url));
        return ServerProcess.start(List.of("motion", "-n", "-c", config.toString()), Map.of(),
                dir.resolve("motion.out"));
    }
}
