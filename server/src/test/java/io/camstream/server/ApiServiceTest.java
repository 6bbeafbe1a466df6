package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ApiServiceTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: desk
                      driver: sim
                      width: 320
                      height: 240
                      fps: 20
                    - name: door
                      driver: sim
                      width: 160
                      height: 120
                      fps: 5
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void cameraStateShowsSettingsMeasuredFiguresDriverDetailsAndEachViewer() throws Exception {
        try (InputStream body = Http.stream(server.uri("/cameras/desk/stream?fps=10")).body()) {
            MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
            for (int i = 0; i < 35; i++) {
                reader.next();
            }
            JsonObject desk = json("/api/cameras/desk");

            assertThat(desk.getString("name")).isEqualTo("desk");
            assertThat(desk.getString("driver")).isEqualTo("sim");
            assertThat(desk.getBoolean("capturing")).isTrue();
            assertThat(desk.getBoolean("online")).isTrue();
            assertThat(desk.get("last-error").getValueType()).isEqualTo(jakarta.json.JsonValue.ValueType.NULL);
            assertThat(desk.get("last-rejection").getValueType()).isEqualTo(jakarta.json.JsonValue.ValueType.NULL);
            assertThat(desk.getJsonNumber("frames-rejected").longValue()).isZero();
            assertThat(desk.getJsonObject("configured").getInt("fps")).isEqualTo(20);
            JsonObject measured = desk.getJsonObject("measured");
            assertThat(measured.getInt("width")).isEqualTo(320);
            assertThat(measured.getInt("height")).isEqualTo(240);
            // A paced camera cannot exceed its rate; how far a busy machine falls below it is no concern here.
            assertThat(measured.getJsonNumber("fps").doubleValue()).isPositive().isLessThanOrEqualTo(20 * 1.05);
            assertThat(measured.getInt("frame-bytes")).isPositive();
            assertThat(desk.getJsonNumber("frames-captured").longValue()).isGreaterThanOrEqualTo(35);
            assertThat(desk.getJsonNumber("frames-sent").longValue()).isGreaterThanOrEqualTo(35);
            assertThat(desk.getInt("driver-restarts")).isZero();
            assertThat(desk.getJsonNumber("uptime-seconds").longValue()).isGreaterThanOrEqualTo(3);
            assertThat(desk.getJsonObject("driver-details").getString("size")).isEqualTo("320x240");

            JsonObject viewers = desk.getJsonObject("viewers");
            assertThat(viewers.getInt("count")).isEqualTo(1);
            JsonObject viewer = viewers.getJsonArray("list").getJsonObject(0);
            assertThat(viewer.getString("remote-address")).contains("127.0.0.1");
            assertThat(Instant.parse(viewer.getString("connected-since")))
                    .isBetween(Instant.now().minus(Duration.ofSeconds(30)), Instant.now());
            assertThat(viewer.getJsonNumber("frames-sent").longValue()).isGreaterThanOrEqualTo(35);
            assertThat(viewer.getJsonNumber("fps").doubleValue()).as("the viewer's own cap, below the camera's 20")
                    .isPositive().isLessThanOrEqualTo(10 * 1.05);
            assertThat(viewer.getJsonNumber("max-fps").doubleValue()).isEqualTo(10);
        }
    }

    @Test
    void listHasEveryCameraInConfigurationOrderAndAnIdleOneIsNotCapturing() throws Exception {
        HttpResponse<String> response = Http.getText(server.uri("/api/cameras"));
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonObject all = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(all.getJsonArray("cameras")).extracting(c -> c.asJsonObject().getString("name"))
                .containsExactly("desk", "door");
        JsonObject door = all.getJsonArray("cameras").getJsonObject(1);
        assertThat(door.getBoolean("capturing")).isFalse();
        assertThat(door.getJsonObject("viewers").getInt("count")).isZero();
        assertThat(door.getJsonObject("configured").getInt("width")).isEqualTo(160);
    }

    @Test
    void unknownCameraIsA404NamingTheKnownOnes() throws Exception {
        HttpResponse<String> response = Http.getText(server.uri("/api/cameras/attic"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("'attic'").contains("desk, door");
    }

    private static JsonObject json(String path) throws Exception {
        HttpResponse<String> response = Http.getText(server.uri(path));
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
