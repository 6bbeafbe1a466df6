package io.camstream.server.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code camstream hash-password}: reads a password without echoing it and prints the line to paste into
 * {@code camstream.auth.users[].password-hash}. Without a terminal (a pipe, a script; the launcher passes
 * {@code --stdin} when standard input is not one) it reads the first line of standard input instead, and says so
 * on standard error.
 */
public final class HashPasswordCommand {

    private HashPasswordCommand() {
    }

    /**
     * Runs the command.
     *
     * @param args {@code --stdin} to read the first line of standard input even when there is a terminal
     * @throws IOException when standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        char[] password = read(Arrays.asList(args).contains("--stdin"));
        if (password == null || password.length == 0) {
            System.err.println("camstream hash-password: no password given; nothing printed");
            System.exit(1);
            return;
        }
        try {
            System.out.println(PasswordHash.create(password, PasswordHash.DEFAULT_ITERATIONS).format());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] read(boolean fromStdin) throws IOException {
        Console console = System.console();
        if (console != null && !fromStdin) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Repeat it: ");
            if (first == null || !Arrays.equals(first, again)) {
                System.err.println("camstream hash-password: the two passwords differ; nothing printed");
                System.exit(1);
            }
            Arrays.fill(again, '\0');
            return first;
        }
        System.err.println("camstream hash-password: no terminal, reading the password from the first line of "
                + "standard input");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? null : line.toCharArray();
    }
}
