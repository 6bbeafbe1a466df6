package io.camstream.server;

import io.camstream.bench.Args;
import io.camstream.bench.matrix.Matrix;
import io.camstream.bench.matrix.MatrixOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark matrix (bench/run.sh) on its quickest setting, against the packaged distribution: it must start both
 * servers, make the startup cache, measure and write its document. Checks that it works, not how fast anything is.
 */
class BenchMatrixIT {

    private static final Pattern FPS_MIN = Pattern.compile("\\| fps per viewer min \\| ([0-9.]+) \\| ([0-9.]+) \\|");

    @TempDir
    Path dir;

    @Test
    void smokeRunStartsBothServersAndWritesTheirFigures() throws Exception {
        Path document = dir.resolve("PERFORMANCE.md");
        MatrixOptions options = MatrixOptions.from(Args.parse(List.of("--smoke",
                "--camstream", Distribution.home().toString(),
                "--out", document.toString(),
                "--work", dir.resolve("work").toString(),
                "--port", Integer.toString(FreePort.pick()),
                "--reference-port", Integer.toString(FreePort.pick())), MatrixOptions.FLAGS));

        new Matrix(options).run();

        String text = Files.readString(document);
        assertThat(text)
                .contains("| 1, first of the installation |")
                .contains("| 3 |")
                .contains("### 5 viewers at 30 fps")
                .contains("server CPU per delivered frame")
                .as("the measured camstream maps the startup cache")
                .containsAnyOf("-XX:AOTCache=", "-XX:SharedArchiveFile=");
        Matcher fps = FPS_MIN.matcher(text);
        assertThat(fps.find()).as(text).isTrue();
        // Every viewer was served; how fast is the matrix's own figure (docs/PERFORMANCE.md), not this test's.
        assertThat(Double.parseDouble(fps.group(1))).as("camstream's slowest viewer").isPositive();
        assertThat(Double.parseDouble(fps.group(2))).as("the reference's slowest viewer").isPositive();
    }
}
