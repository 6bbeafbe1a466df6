package io.camstream.driver.pi;

import com.pi4j.boardinfo.definition.BoardModel;
import com.pi4j.boardinfo.util.BoardInfoHelper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine the driver runs on.
 *
 * @param model       the board model, such as "Raspberry Pi 5 Model B", or a note that it is not a Pi
 * @param os          the distribution, kernel and architecture
 * @param raspberryPi whether this is a Raspberry Pi
 */
record Board(String model, String os, boolean raspberryPi) {

    static final Path DEVICE_TREE_MODEL = Path.of("/proc/device-tree/model");
    private static final Path OS_RELEASE = Path.of("/etc/os-release");

    /**
     * Detects the board. The device tree says whether this is a Raspberry Pi at all; only then is Pi4J's
     * {@link BoardInfoHelper} asked for the model, since elsewhere it logs its failures to detect one as errors.
     *
     * @param deviceTreeModel the device tree's model file
     * @return the board
     */
    static Board detect(Path deviceTreeModel) {
        String os = prettyName().map(name -> name + ", ").orElse("") + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        Optional<String> deviceTree = firstString(deviceTreeModel);
        if (deviceTree.isEmpty() || !deviceTree.get().startsWith("Raspberry Pi")) {
            return new Board("not a Raspberry Pi" + deviceTree.map(name -> " (" + name + ")").orElse(""), os, false);
        }
        BoardModel model = BoardInfoHelper.current().getBoardModel();
        return new Board(model == BoardModel.UNKNOWN ? deviceTree.get() : model.getLabel(), os, true);
    }

    /** The device tree's strings end with a NUL. */
    private static Optional<String> firstString(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            int nul = text.indexOf('\0');
            return Optional.of((nul < 0 ? text : text.substring(0, nul)).strip()).filter(s -> !s.isEmpty());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> prettyName() {
        try {
            return Files.readAllLines(OS_RELEASE).stream()
                    .filter(line -> line.startsWith("PRETTY_NAME="))
                    .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
