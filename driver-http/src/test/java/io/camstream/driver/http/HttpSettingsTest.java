package io.camstream.driver.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpSettingsTest {

    @Test
    void defaultsAreAnMjpegStreamWithFiveAndTenSecondTimeoutsAndEightMebibyteFrames() {
        HttpSettings settings = HttpSettings.from(HttpConfig.camera(Map.of("url", "http://cam.local/video")));
        assertThat(settings.mode()).isEqualTo("mjpeg");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxFrameBytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(settings.credentials()).isEmpty();
    }

    @Test
    void aMissingUrlNamesTheKey() {
        assertThatThrownBy(() -> HttpSettings.from(HttpConfig.camera(Map.of())))
                .hasMessageStartingWith("camstream.cameras.0.url: '' is required for driver 'http'");
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        assertThatThrownBy(() -> HttpSettings.from(HttpConfig.camera(Map.of("url", "rtsp://cam/stream"))))
                .hasMessageContaining("camstream.cameras.0.url: 'rtsp://cam/stream' is not an http or https URL");
    }

    @Test
    void credentialsInTheUrlAreTakenOutOfItAndTheKeysWin() {
        HttpSettings fromUrl = HttpSettings.from(HttpConfig.camera(Map.of("url", "http://me:a+b@cam:8080/v?x=1")));
        assertThat(fromUrl.url().toString()).isEqualTo("http://cam:8080/v?x=1");
        assertThat(fromUrl.credentials()).hasValue(new HttpSettings.Credentials("me", "a+b"));
        HttpSettings fromKeys = HttpSettings.from(HttpConfig.camera(Map.of("url", "http://me:x@cam/v",
                "username", "admin", "password", "secret")));
        assertThat(fromKeys.credentials()).hasValue(new HttpSettings.Credentials("admin", "secret"));
        assertThat(fromKeys.credentials().orElseThrow().toString()).doesNotContain("secret");
    }

    @Test
    void anUnknownModeListsTheModes() {
        assertThatThrownBy(() -> HttpSettings.from(HttpConfig.camera(Map.of("url", "http://cam/", "mode", "jpeg"))))
                .hasMessageContaining("mode: 'jpeg' is not a known value (allowed: mjpeg, snapshot)");
    }
}
