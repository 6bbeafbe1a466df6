package io.camstream.bench.report;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest {

    @Test
    void resultIsOneLineOfJsonWithNullForWhatWasNotMeasured() {
        LoadResult result = new LoadResult(
                new RunSetup("http://127.0.0.1:8080/?action=stream", 2, 0, 100, 3, 10),
                new Distribution(2, 29.9, 30, 30, 30), Distribution.EMPTY, 599, 1, 40_000_000,
                new Distribution(599, 1, 2.5, 9, 12), Distribution.EMPTY, 300,
                Map.of("server said \"no\"", 1L), 0.5,
                Optional.of(new ServerUsage(77, 0.3, 500.8, 20, 21, 22.5, 9)));

        assertThat(JsonReport.format(result)).isEqualTo("{\"url\":\"http://127.0.0.1:8080/?action=stream\","
                + "\"viewers\":2,\"slowViewers\":0,\"slowKbps\":100,\"warmupSeconds\":3.000,\"windowSeconds\":10.000,"
                + "\"fps\":{\"min\":29.900,\"p50\":30.000,\"max\":30.000},\"slowFps\":null,"
                + "\"frames\":599,\"framesPerSecond\":59.900,\"megabytesPerSecond\":4.000,\"invalidFrames\":1,"
                + "\"distinctFrames\":300,\"sourceFps\":30.000,"
                + "\"connectionErrors\":1,\"errors\":{\"server said \\\"no\\\"\":1},"
                + "\"ageMillis\":{\"p50\":2.500,\"p99\":9.000,\"max\":12.000},\"slowAgeMillis\":null,"
                + "\"server\":{\"pid\":77,\"cpuSeconds\":0.300,\"cpuMicrosPerFrame\":500.800,\"rssStartMiB\":20.000,"
                + "\"rssEndMiB\":21.000,\"rssMaxMiB\":22.500,\"threads\":9},\"generatorCpuSeconds\":0.500}");
    }
}
