package io.camstream.bench.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One address guessing passwords as fast as the answers come: a snapshot asked for again and again on a kept-alive
 * connection, each time with another password and other blanks after {@code Basic} (so that no spelling of the
 * header is ever seen twice), on a new connection whenever the server closes one.
 */
public final class Guesser {

    private static final Pattern LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");

    private Guesser() {
    }

    /**
     * Guesses until told to stop.
     *
     * @param server  the server
     * @param from    the local address to guess from
     * @param user    the user name to guess the password of
     * @param going   whether to go on
     * @param answers where each answer's status is counted
     */
    public static void guess(InetSocketAddress server, InetAddress from, String user, BooleanSupplier going,
                             Map<Integer, AtomicLong> answers) {
        long n = 0;
        while (going.getAsBoolean()) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(from, 0));
                socket.connect(server, 5_000);
                socket.setSoTimeout(15_000);
                InputStream in = socket.getInputStream();
                while (going.getAsBoolean()) {
                    n++;
                    String credentials = Base64.getEncoder().encodeToString((user + ":guess" + n)
                            .getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().write(("GET /cameras/desk/snapshot HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Basic" + " ".repeat((int) (1 + n % 5)) + credentials + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    answers.computeIfAbsent(status(in), s -> new AtomicLong()).incrementAndGet();
                }
            } catch (IOException e) {
                // the server closed the connection; guess on another
            }
        }
    }

    /** Reads one answer, its body included, and returns its status. */
    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int last4 = 0; last4 != 0x0D0A0D0A; ) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = LENGTH.matcher(text);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return Integer.parseInt(text.substring(9, 12));
    }
}
