package io.camstream.server.log;

import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.ServerConnectionException;

import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the records Helidon 4.5 logs, with a stack trace, each time a client goes away at the wrong moment (before
 * its first request could even be told HTTP/1 from HTTP/2, for example) into counted {@link Incident}s. Installed
 * on Helidon's connection loggers while the server runs; every other record, a genuine error among them, passes
 * unchanged. Several servers in one JVM (tests) each install theirs: a record about a connection another server's
 * gate knows is passed on to that server's filter.
 */
public final class HelidonLogFilter implements AutoCloseable {

    /** The loggers of Helidon's connection handling, which log clients' disconnections as WARNINGs. */
    private static final List<String> LOGGERS = List.of("io.helidon.webserver.ConnectionHandler",
            "io.helidon.webserver.http1.Http1Connection", "io.helidon.webserver.http2.Http2Connection");
    /** Helidon starts a connection's log lines with its listener's and its channel's identity hashes. */
    private static final Pattern CHANNEL = Pattern.compile("^\\[0x[0-9a-f]+ 0x([0-9a-f]+)]");
    private static final String UNKNOWN = "an unknown address";

    private final IncidentLog incidents;
    private final IntFunction<Optional<String>> clientOfChannel;
    private final List<OnLogger> installed = new ArrayList<>();

    private HelidonLogFilter(IncidentLog incidents, IntFunction<Optional<String>> clientOfChannel) {
        this.incidents = incidents;
        this.clientOfChannel = clientOfChannel;
    }

    /**
     * Installs the filter on Helidon's connection loggers, in front of the filters they have.
     *
     * @param incidents       where the records are counted instead
     * @param clientOfChannel the client of a connection of this server, by the identity hash of its channel
     * @return the installed filter; close it to remove it
     */
    public static HelidonLogFilter install(IncidentLog incidents, IntFunction<Optional<String>> clientOfChannel) {
        HelidonLogFilter filter = new HelidonLogFilter(incidents, clientOfChannel);
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            OnLogger on = filter.new OnLogger(logger, logger.getFilter());
            filter.installed.add(on);
            logger.setFilter(on);
        }
        return filter;
    }

    @Override
    public void close() {
        installed.forEach(OnLogger::remove);
    }

    /** Whether the failure, or one of its causes, is the connection ending under Helidon's feet. */
    private static boolean clientGone(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataReader.InsufficientDataAvailableException || cause instanceof SocketException
                    || cause instanceof SSLException || cause instanceof EOFException
                    || cause instanceof ClosedChannelException || cause instanceof ServerConnectionException
                    || cause instanceof UncheckedIOException && cause.getCause() instanceof SocketException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Integer> channel(String message) {
        Matcher channel = CHANNEL.matcher(message == null ? "" : message);
        return channel.find() ? Optional.of(Integer.parseUnsignedInt(channel.group(1), 16)) : Optional.empty();
    }

    /** The filter on one logger, in front of the one it had. */
    private final class OnLogger implements Filter {

        /** Held, since JUL keeps loggers only weakly, and with them their filters. */
        private final Logger logger;
        private final Filter previous;
        private volatile boolean removed;

        OnLogger(Logger logger, Filter previous) {
            this.logger = logger;
            this.previous = previous;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            if (removed || record.getLevel().intValue() < Level.INFO.intValue() || !clientGone(record.getThrown())) {
                return passOn(record);
            }
            Optional<String> client = channel(record.getMessage()).flatMap(clientOfChannel::apply);
            if (client.isEmpty() && previous != null) {
                return previous.isLoggable(record);
            }
            incidents.report(Incident.LEFT_EARLY, client.orElse(UNKNOWN));
            return false;
        }

        private boolean passOn(LogRecord record) {
            return previous == null || previous.isLoggable(record);
        }

        /** Puts the previous filter back, or, when another was installed on top since, only stops filtering. */
        void remove() {
            removed = true;
            synchronized (logger) {
                if (logger.getFilter() == this) {
                    logger.setFilter(previous);
                }
            }
        }
    }
}
