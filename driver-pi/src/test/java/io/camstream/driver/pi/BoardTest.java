package io.camstream.driver.pi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BoardTest {

    @TempDir
    Path dir;

    @Test
    void aMachineWithoutDeviceTreeIsNotAPi() {
        Board board = Board.detect(dir.resolve("no-such-model"));

        assertThat(board.raspberryPi()).isFalse();
        assertThat(board.model()).isEqualTo("not a Raspberry Pi");
        assertThat(board.os()).contains(System.getProperty("os.arch"));
    }

    @Test
    void anotherBoardIsNamedButNotTakenForAPi() throws IOException {
        Path model = Files.writeString(dir.resolve("model"), "Xunlong Orange Pi 5\0");

        Board board = Board.detect(model);

        assertThat(board.raspberryPi()).isFalse();
        assertThat(board.model()).isEqualTo("not a Raspberry Pi (Xunlong Orange Pi 5)");
    }

    @Test
    void aRaspberryPiIsRecognised() throws IOException {
        Path model = Files.writeString(dir.resolve("model"), "Raspberry Pi 5 Model B Rev 1.0\0");

        Board board = Board.detect(model);

        assertThat(board.raspberryPi()).isTrue();
        assertThat(board.model()).startsWith("Raspberry Pi");
    }
}
