package io.camstream.server.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Looks at files for the things that follow them (the configuration file, the drivers directories, the TLS
 * certificates): one thread waits on a {@link WatchService} of their directories, and looks at everything when a
 * directory reports a change and every poll period besides, since a watch service misses changes on some file
 * systems (network mounts, some containers) and files that appear through links. While a check says something is
 * still settling, it looks again every tick. Looking is cheap: a few small files read, a directory listed.
 */
final class FileWatch implements AutoCloseable {

    /** Looks at what it follows; returns whether something is still settling, to be looked at again soon. */
    @FunctionalInterface
    interface Check {
        boolean settling();
    }

    private record Watched(Supplier<Set<Path>> directories, Check check) {
    }

    private static final System.Logger LOGGER = System.getLogger(FileWatch.class.getName());

    private final Duration poll;
    private final Duration tick;
    private final WatchService service;
    private final List<Watched> watched = new ArrayList<>();
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Prepares the watch; {@link #start()} starts it once everything to watch is known.
     *
     * @param poll how often everything is looked at without a change reported
     * @param tick how often it is looked at while something settles
     */
    FileWatch(Duration poll, Duration tick) {
        this.poll = poll;
        this.tick = tick;
        try {
            this.service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch files", e);
        }
        this.thread = Thread.ofPlatform().daemon().name("file-watch").unstarted(this::run);
    }

    /** Starts watching: the directories are registered before this returns, so no change after it is missed. */
    void start() {
        register();
        thread.start();
    }

    /**
     * Follows the files of some directories; call before {@link #start()}.
     *
     * @param directories the directories to watch, asked before every look (they may change)
     * @param check       looks at the files
     */
    void watch(Supplier<Set<Path>> directories, Check check) {
        watched.add(new Watched(directories, check));
    }

    /** Stops watching; a look under way is finished first (the thread is never interrupted: checks copy files). */
    @Override
    public void close() {
        closed = true;
        try {
            service.close();
            if (thread.isAlive()) {
                thread.join(Duration.ofSeconds(5));
            }
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Closing the watch service failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        boolean settling = false;
        while (!closed) {
            try {
                WatchKey key = service.poll((settling ? tick : poll).toNanos(), TimeUnit.NANOSECONDS);
                for (; key != null; key = service.poll()) {
                    key.pollEvents();
                    key.reset();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            if (!closed) {
                settling = lookAtEverything();
                register();
            }
        }
    }

    private boolean lookAtEverything() {
        boolean settling = false;
        for (Watched each : watched) {
            try {
                settling |= each.check().settling();
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.WARNING, "Looking at watched files failed: " + e, e);
            }
        }
        return settling;
    }

    /** Watches the directories asked for now and no others; one that does not exist is polled until it does. */
    private void register() {
        Set<Path> wanted = new HashSet<>();
        watched.forEach(each -> wanted.addAll(each.directories().get()));
        keys.entrySet().removeIf(entry -> {
            boolean unwanted = !wanted.contains(entry.getKey()) || !entry.getValue().isValid();
            if (unwanted) {
                entry.getValue().cancel();
            }
            return unwanted;
        });
        for (Path dir : wanted) {
            if (!keys.containsKey(dir) && Files.isDirectory(dir)) {
                try {
                    keys.put(dir, dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY));
                } catch (IOException | ClosedWatchServiceException e) {
                    LOGGER.log(System.Logger.Level.DEBUG, "Cannot watch " + dir + "; it is polled", e);
                }
            }
        }
    }
}
