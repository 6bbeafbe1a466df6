package io.camstream.core.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses driver code that someone other than its owner could have changed, as sshd refuses loose key files: a
 * driver runs inside the server, with its rights and its view of every camera. A drivers directory, a jar, the
 * target of a symbolic link to one, and every directory above them must belong to root or to the user camstream
 * runs as, and be writable by that owner alone. Directories above the drivers directory may be world-writable when
 * sticky (as {@code /tmp} is), since then no one else can rename what lies in them. Where the file system has no
 * Unix modes there is nothing to check.
 */
public final class DriverFileCheck {

    private static final int STICKY = 01000;
    private static final int WRITABLE_BY_OTHERS = 0022;

    private final String user;

    DriverFileCheck(String user) {
        this.user = user;
    }

    /**
     * The check for the user this JVM runs as.
     *
     * @return the check
     */
    public static DriverFileCheck forThisUser() {
        return new DriverFileCheck(System.getProperty("user.name"));
    }

    /**
     * Why the jars of a drivers directory may not be loaded, if they may not.
     *
     * @param dir the drivers directory
     * @return the reason, naming the path at fault and the command that fixes it
     */
    public Optional<String> directoryProblem(Path dir) {
        return firstProblem(dir);
    }

    /**
     * Why a jar of a drivers directory that passed {@link #directoryProblem} may not be loaded, if it may not.
     *
     * @param jar the jar, or a symbolic link to it
     * @return the reason, naming the path at fault and the command that fixes it
     */
    public Optional<String> jarProblem(Path jar) {
        return firstProblem(jar);
    }

    /** The path as named (whose directory could swap a link) and as it will be opened, then what holds them. */
    private Optional<String> firstProblem(Path path) {
        try {
            Path named = path.toAbsolutePath().normalize();
            Map<Path, Boolean> strict = new LinkedHashMap<>();
            List<Path> itself = List.of(named, named.toRealPath());
            itself.forEach(p -> strict.put(p, true));
            for (Path p : itself) {
                for (Path dir = p.getParent(); dir != null; dir = dir.getParent()) {
                    strict.putIfAbsent(dir, false);
                }
            }
            for (Map.Entry<Path, Boolean> entry : strict.entrySet()) {
                Optional<String> problem = problem(entry.getKey(), entry.getValue());
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(path + " cannot be checked: " + e.getMessage());
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * The trouble with one path, if any.
     *
     * @param path   a file or directory
     * @param strict whether it is driver code itself (the jar, or the directory of jars), where a sticky bit does
     *               not help: anyone may add a jar to a world-writable directory
     */
    private Optional<String> problem(Path path, boolean strict) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return Optional.empty(); // a link's own mode means nothing; its directory and its target are checked
        }
        String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals("root") && !owner.equals(user)) {
            return Optional.of(path + " belongs to " + owner + ", who is neither root nor " + user
                    + " (the user camstream runs as). Driver code must be changeable by them alone: chown " + user
                    + " " + path);
        }
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        boolean stickyAbove = !strict && (mode & STICKY) != 0;
        if ((mode & WRITABLE_BY_OTHERS) != 0 && !stickyAbove) {
            return Optional.of(path + " can be written by others than its owner (" + permissions(mode)
                    + "). Driver code must be changeable by its owner alone: chmod go-w " + path);
        }
        return Optional.empty();
    }

    private static String permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ (0400) first, OTHERS_EXECUTE last
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(bits[i]);
            }
        }
        return PosixFilePermissions.toString(set);
    }
}
