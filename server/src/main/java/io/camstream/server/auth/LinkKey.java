package io.camstream.server.auth;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The secret that signs links, kept in a file ({@code camstream.auth.link-key-file}) so that links outlive a
 * restart and {@code camstream link} can make them without the server. The file is created with mode 0600 when
 * the first link is made. Whatever bytes it holds (at least 32) are the key, so replacing or deleting the file
 * revokes every link: each use of a link (and each second of a stream opened by one) looks at the file's identity,
 * size and modification time, a system call of a microsecond or two, and a changed file is read anew. A file that
 * cannot be used (unreadable, too short, or open to other users, as sshd refuses loose keys) opens no link; that is
 * logged once, and the rest of the server runs on.
 */
public final class LinkKey {

    private static final System.Logger LOGGER = System.getLogger(LinkKey.class.getName());

    static final int MIN_BYTES = 32;
    private static final Set<PosixFilePermission> UNSAFE = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /**
     * A key as read from the file.
     *
     * @param generation changes whenever the file does
     * @param bytes      the key
     */
    record Secret(long generation, byte[] bytes) {
    }

    private final Path file;
    private Object fingerprint;
    private Secret secret;
    private String problem;
    private long generation;

    /**
     * A key kept in a file, which need not exist yet.
     *
     * @param file the key file
     */
    public LinkKey(Path file) {
        this.file = file.toAbsolutePath();
    }

    /**
     * The key file.
     *
     * @return its absolute path
     */
    public Path file() {
        return file;
    }

    /**
     * Looks at the key file at start-up, so that one that cannot be used is reported at once.
     */
    public void check() {
        current();
    }

    /**
     * Why the key file cannot be used, if it cannot.
     *
     * @return the problem, naming the file and what to do
     */
    synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * The key to sign a new link with, making the file when there is none.
     *
     * @return the key
     * @throws IllegalStateException when the file cannot be made or used
     */
    synchronized Secret forSigning() {
        Optional<Secret> existing = current();
        if (existing.isPresent()) {
            return existing.get();
        }
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        create();
        return current().orElseThrow(() -> new IllegalStateException("the link key file " + file
                + " vanished as it was made"));
    }

    /**
     * The key links are checked against, or empty while there is no usable key file (no link is valid then).
     *
     * @return the key
     */
    synchronized Optional<Secret> current() {
        try {
            Object seen = fingerprint();
            if (!Objects.equals(seen, fingerprint)) {
                fingerprint = seen;
                generation++;
                secret = null;
                problem = null;
                secret = seen == null ? null : new Secret(generation, read());
            }
        } catch (IllegalStateException e) {
            if (!e.getMessage().equals(problem)) {
                LOGGER.log(System.Logger.Level.WARNING, "Signed links are refused until this is fixed: {0}",
                        e.getMessage());
            }
            secret = null;
            problem = e.getMessage();
        }
        return Optional.ofNullable(secret);
    }

    /** What changes when the file is replaced, rewritten or has its mode changed; {@code null} when there is none. */
    private Object fingerprint() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            Object identity = attributes.fileKey();
            return List.of(identity == null ? file : identity, attributes.size(), attributes.lastModifiedTime(),
                    posix == null ? Set.of() : posix.readAttributes().permissions());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("the link key file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private byte[] read() {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                if (permissions.stream().anyMatch(UNSAFE::contains)) {
                    throw new IllegalStateException("the link key file " + file + " may be read or changed by other"
                            + " users (mode " + PosixFilePermissions.toString(permissions) + "); run: chmod 600 "
                            + file);
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException("the link key file " + file + " holds " + bytes.length
                        + " bytes, fewer than the " + MIN_BYTES + " a key needs; delete it, and a new one is made"
                        + " with the next link");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("the link key file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes a new key beside the file and moves it into place, unless another process made one meanwhile. */
    private void create() {
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) == null
                    ? Files.createTempFile(file.getParent(), ".link-key", ".new")
                    : Files.createTempFile(file.getParent(), ".link-key", ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temporary, key);
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            // made by another process (camstream link and the server): theirs is the key
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the link key file " + file + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // nothing more to do about a temporary file
                }
            }
        }
    }
}
