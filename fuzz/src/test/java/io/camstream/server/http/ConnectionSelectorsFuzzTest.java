package io.camstream.server.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.camstream.core.time.Deadlines;
import io.camstream.fuzz.FuzzInput;
import io.camstream.server.log.IncidentLog;
import io.camstream.server.http10.Http10Selector;
import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.spi.ServerConnectionSelector;
import io.helidon.webserver.spi.ServerConnectionSelector.Support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any first bytes of a connection, as they arrive: each selector answers without failing, and once it has said
 * SUPPORTED or UNSUPPORTED it says the same however many more bytes come (Helidon drops a selector that said
 * UNSUPPORTED, and hands the connection to the first that said SUPPORTED).
 */
class ConnectionSelectorsFuzzTest {

    private static final List<ServerConnectionSelector> SELECTORS =
            List.of(new BadMethodSelector(new IncidentLog(Deadlines.manual(() -> 0L), Duration.ofMinutes(1))),
                    new Http10Selector(Http1Config.create()));

    @FuzzTest
    void decideOnceAndForAll(byte[] data) {
        FuzzInput input = FuzzInput.of(data);
        for (ServerConnectionSelector selector : SELECTORS) {
            List<Support> answers = new ArrayList<>();
            for (int length = 0; length < data.length; length += input.cut(200)) {
                answers.add(selector.supports(BufferData.create(Arrays.copyOf(data, length))));
            }
            answers.add(selector.supports(BufferData.create(data)));
            List<Support> decided = answers.stream().dropWhile(answer -> answer == Support.UNKNOWN).toList();
            assertThat(Set.copyOf(decided)).as("%s, as bytes arrive: %s", selector.getClass().getSimpleName(), answers)
                    .hasSizeLessThanOrEqualTo(1);
        }
    }
}
