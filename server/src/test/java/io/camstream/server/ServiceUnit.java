package io.camstream.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a systemd unit's {@code [Service]} section says about the process it starts, read so that a test can start
 * that process as systemd would on a machine where systemd does not run. Only the forms the package's unit uses are
 * understood: one command without quotes ({@code ExecReload=} may name {@code $MAINPID}), {@code Environment=}
 * assignments without spaces in their values.
 */
record ServiceUnit(String user, String group, List<String> execStart, List<String> execReload,
                   Map<String, String> environment) {

    static ServiceUnit read(Path file) throws IOException {
        String user = null;
        String group = null;
        List<String> execStart = List.of();
        List<String> execReload = List.of();
        Map<String, String> environment = new LinkedHashMap<>();
        boolean service = false;
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("[")) {
                service = trimmed.equals("[Service]");
            } else if (service && !trimmed.startsWith("#") && trimmed.contains("=")) {
                String key = trimmed.substring(0, trimmed.indexOf('='));
                String value = trimmed.substring(trimmed.indexOf('=') + 1);
                switch (key) {
                    case "User" -> user = value;
                    case "Group" -> group = value;
                    case "ExecStart" -> execStart = List.of(value.split("\\s+"));
                    case "ExecReload" -> execReload = List.of(value.split("\\s+"));
                    case "Environment" -> Arrays.stream(value.split("\\s+")).forEach(assignment -> environment.put(
                            assignment.substring(0, assignment.indexOf('=')),
                            assignment.substring(assignment.indexOf('=') + 1)));
                    default -> {
                    }
                }
            }
        }
        if (user == null || execStart.isEmpty()) {
            throw new IllegalStateException(file + " names no User= or no ExecStart=");
        }
        return new ServiceUnit(user, group == null ? user : group, execStart, execReload, Map.copyOf(environment));
    }
}
