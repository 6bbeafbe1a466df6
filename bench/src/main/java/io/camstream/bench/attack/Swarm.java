package io.camstream.bench.attack;

import io.camstream.bench.report.Samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Many connections on one selector thread, each following one script: connect from the next of the given addresses,
 * send an opening, then one byte of a trickle every period; whatever the server sends is read and dropped, and the
 * moment it closes is noted. Either each connection is opened once, or closed ones are replaced until the swarm is
 * closed. At most {@value #PENDING} connects wait at a time, so that the server's accept queue is not flooded with
 * SYNs that the kernel would retry a second later.
 */
final class Swarm implements AutoCloseable {

    private static final int PENDING = 64;
    private static final long IDLE_SELECT_MILLIS = 50;

    /**
     * What each connection sends.
     *
     * @param opening sent at once after connecting (may be empty)
     * @param trickle sent one byte per period after the opening, from the start again at its end (empty: nothing)
     * @param period  between two trickled bytes
     */
    record Script(byte[] opening, byte[] trickle, Duration period) {

        static Script silent() {
            return new Script(new byte[0], new byte[0], Duration.ofSeconds(1));
        }
    }

    /**
     * What the swarm saw.
     *
     * @param opened    connections that were established
     * @param failed    connections that could not be established
     * @param lives     for those the server closed: milliseconds from established to closed
     * @param openAges  for those still open when the swarm was closed: milliseconds since established
     */
    record Outcome(int opened, int failed, Samples lives, Samples openAges) {

        /** @return the longest time a connection was open, closed by the server or not, in milliseconds */
        long longestMillis() {
            long longest = 0;
            for (Samples samples : List.of(lives, openAges)) {
                for (int i = 0; i < samples.size(); i++) {
                    longest = Math.max(longest, samples.get(i));
                }
            }
            return longest;
        }
    }

    private final InetSocketAddress server;
    private final List<InetAddress> from;
    private final int size;
    private final boolean replace;
    private final Script script;
    private final Set<Member> open = new HashSet<>();
    private final Samples lives = new Samples();
    private final Samples openAges = new Samples();
    private final ByteBuffer sink = ByteBuffer.allocateDirect(64 * 1024);
    private final Thread thread;
    private volatile boolean stopping;
    private volatile int opened;
    private int started;
    private int pending;
    private volatile int failed;

    private Swarm(InetSocketAddress server, List<InetAddress> from, int size, boolean replace, Script script) {
        this.server = server;
        this.from = List.copyOf(from);
        this.size = size;
        this.replace = replace;
        this.script = script;
        this.thread = Thread.ofPlatform().name("swarm").start(this::run);
    }

    /** Opens {@code size} connections once each; those the server closes are not replaced. */
    static Swarm once(InetSocketAddress server, List<InetAddress> from, int size, Script script) {
        return new Swarm(server, from, size, false, script);
    }

    /** Keeps {@code size} connections open: each one the server closes is replaced by a new one. */
    static Swarm kept(InetSocketAddress server, List<InetAddress> from, int size, Script script) {
        return new Swarm(server, from, size, true, script);
    }

    /** @return connections established so far */
    int opened() {
        return opened;
    }

    /** @return connections established or failed so far */
    int tried() {
        return opened + failed;
    }

    /**
     * Stops: closes every connection still open and says what happened.
     *
     * @return the figures
     * @throws InterruptedException when interrupted while the thread ends
     */
    Outcome finish() throws InterruptedException {
        stopping = true;
        thread.join();
        return new Outcome(opened, failed, lives, openAges);
    }

    @Override
    public void close() throws InterruptedException {
        finish();
    }

    private void run() {
        try (Selector selector = Selector.open()) {
            long nextTick = System.nanoTime() + script.period().toNanos();
            while (!stopping) {
                topUp(selector);
                long wait = Math.min(IDLE_SELECT_MILLIS, TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime()));
                selector.select(key -> ready((Member) key.attachment(), key), Math.max(1, wait));
                if (System.nanoTime() - nextTick >= 0) {
                    trickle();
                    nextTick += script.period().toNanos();
                }
            }
            long now = System.nanoTime();
            for (Member member : open) {
                openAges.add(TimeUnit.NANOSECONDS.toMillis(now - member.established));
                member.close();
            }
            for (SelectionKey key : selector.keys()) {
                ((Member) key.attachment()).close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void topUp(Selector selector) {
        while (pending < PENDING && open.size() + pending < size && (replace || started < size)) {
            InetAddress address = from.get(started % from.size());
            started++;
            pending++;
            Member member = null;
            SelectionKey key;
            boolean connected;
            try {
                SocketChannel channel = SocketChannel.open();
                member = new Member(channel);
                channel.configureBlocking(false);
                // a byte at a time means a segment at a time: none held back for the last one's ACK
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.bind(new InetSocketAddress(address, 0));
                key = channel.register(selector, SelectionKey.OP_CONNECT, member);
                connected = channel.connect(server);
            } catch (IOException e) {
                pending--;
                failed++;
                if (member != null) {
                    member.close();
                }
                continue;
            }
            if (connected) {
                ready(member, key);
            }
        }
    }

    private void ready(Member member, SelectionKey key) {
        try {
            if (key.interestOps() == SelectionKey.OP_CONNECT) {
                if (member.channel.finishConnect()) {
                    established(member, key);
                }
            } else if (key.isReadable()) {
                sink.clear();
                if (member.channel.read(sink) < 0) {
                    closedByServer(member);
                }
            }
        } catch (IOException e) {
            if (open.contains(member)) {
                closedByServer(member);
            } else {
                pending--;
                failed++;
                member.close();
            }
        }
    }

    private void established(Member member, SelectionKey key) throws IOException {
        pending--;
        opened++;
        member.established = System.nanoTime();
        open.add(member);
        key.interestOps(SelectionKey.OP_READ);
        if (script.opening().length > 0) {
            member.channel.write(ByteBuffer.wrap(script.opening()));
        }
    }

    private void trickle() {
        if (script.trickle().length == 0) {
            return;
        }
        for (Member member : new ArrayList<>(open)) {
            try {
                member.channel.write(ByteBuffer.wrap(script.trickle(), member.trickled % script.trickle().length, 1));
                member.trickled++;
            } catch (IOException e) {
                closedByServer(member);
            }
        }
    }

    private void closedByServer(Member member) {
        if (open.remove(member)) {
            lives.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - member.established));
        }
        member.close();
    }

    /** One connection of the swarm. */
    private static final class Member {

        final SocketChannel channel;
        long established;
        int trickled;

        Member(SocketChannel channel) {
            this.channel = channel;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
    }
}
