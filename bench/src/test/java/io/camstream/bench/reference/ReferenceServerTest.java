package io.camstream.bench.reference;

import io.camstream.bench.frames.FrameOptions;
import io.camstream.bench.frames.NoisyFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceServerTest {

    @Test
    void streamIsAPlainMultipartResponseOfTheFolderJpegs(@TempDir Path frames) throws Exception {
        List<byte[]> jpegs = NoisyFrames.write(new FrameOptions(frames, 2, 64, 48, 2)).stream()
                .map(written -> read(written.file()))
                .toList();
        try (ReferenceServer server = ReferenceServer.start(new ReferenceOptions("127.0.0.1", 0, frames, 30, 0));
             Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();

            assertThat(lines(in, 7)).containsExactly(
                    "HTTP/1.1 200 OK",
                    "Content-Type: multipart/x-mixed-replace; boundary=boundarydonotcross",
                    "Cache-Control: no-store, no-cache, must-revalidate, max-age=0",
                    "Pragma: no-cache",
                    "Connection: close",
                    "",
                    "--boundarydonotcross");
            List<String> partHeaders = lines(in, 4);
            assertThat(partHeaders.get(0)).isEqualTo("Content-Type: image/jpeg");
            assertThat(partHeaders.get(1)).startsWith("Content-Length: ");
            assertThat(partHeaders.get(2)).matches("X-Timestamp: \\d+\\.\\d{6}");
            assertThat(partHeaders.get(3)).isEmpty();
            byte[] jpeg = in.readNBytes(Integer.parseInt(partHeaders.get(1).substring("Content-Length: ".length())));
            assertThat(jpegs).anySatisfy(file -> assertThat(jpeg).isEqualTo(file));
            assertThat(lines(in, 2)).containsExactly("", "--boundarydonotcross");
        }
    }

    @Test
    void folderWithoutJpegsIsRefusedWithAHint(@TempDir Path empty) {
        assertThatThrownBy(() -> ReferenceServer.start(new ReferenceOptions("127.0.0.1", 0, empty, 30, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--folder " + empty + " has no *.jpg or *.jpeg file; make some with: "
                        + "camstream-bench frames --out " + empty);
    }

    private static List<String> lines(InputStream in, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (lines.size() < count) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("stream ended after " + lines);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                lines.add(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return lines;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
