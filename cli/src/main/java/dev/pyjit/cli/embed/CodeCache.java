package dev.pyjit.cli.embed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compiled code kept on disk between runs: one file per key (a digest of everything the code
 * depends on, see {@link CacheKey}), in {@code $XDG_CACHE_HOME/pyjit} or {@code ~/.cache/pyjit}.
 * An entry is written under a temporary name and renamed into place, so a reader sees a whole
 * entry or none; it carries its key and a digest of its contents, so a truncated, corrupt or
 * misplaced file is ignored, never executed. The digest proves integrity, not authorship: the
 * directories are made private (0700), and a cache directory that another user owns or that
 * others can write to is not used at all. The directory is kept under a size by removing the
 * least recently used entries (a hit renews the entry's time). The size is known from a small file
 * beside the entries ({@code size}) that each write brings up to date, so a process does not look at
 * every entry before its first write; the entries are looked at only when that file says the cache
 * is full (or is missing), and the file then gets the true total again. Processes writing at once
 * may lose each other's additions to it, so the bound holds approximately until the next such look.
 * Any failure of the file system (read-only, full) only means no cache.
 */
public final class CodeCache {
    public static final long DEFAULT_MAX_BYTES = 256L << 20;
    private static final byte[] MAGIC = "pyjit-code-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".o";
    /** The native code cache's entries, shared libraries that the C runtime loads itself (native_cache.c). */
    private static final String LIBRARY_SUFFIX = ".so";
    /** The compiler's refusal of a native code cache key, with its reason: the runtime asks no more (native_cache.c). */
    private static final String REFUSAL_SUFFIX = ".refused";
    /** Which native entry is a code object's on-stack replacement, whatever loop a run sampled (native_cache.c). */
    private static final String LOOP_SUFFIX = ".loop";
    /** A call entry whose native code kept failing its guards: later runs ask for its generic code (native_cache.c). */
    private static final String GENERIC_SUFFIX = ".generic";
    /** Where a run leaves the requests it did not get answered, for the cache filler (cache_fill.c). */
    private static final String FILL_FOLDER = "fill";

    private final Path directory;
    private final long maxBytes;
    private static final String SIZE_FILE = "size";

    /** The entries' total size as of the last look at the directory plus what was written since; -1 before. */
    private long knownBytes = -1;

    public CodeCache(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    /** The cache directory the environment names. */
    public static Path defaultDirectory(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("pyjit");
    }

    public Path directory() {
        return directory;
    }

    /** The object stored under {@code key}, or null: none, not intact, or a directory not private to this user. */
    byte[] get(String key) {
        Path entry = pathOf(key, SUFFIX);
        if (!isPrivate(entry.getParent())) {
            return null;
        }
        byte[] object;
        try {
            object = unwrap(key, Files.readAllBytes(entry));
            if (object == null) {
                Files.deleteIfExists(entry);
                return null;
            }
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException readOnly) {
            // the entry is still good; it just ages as if unused
        }
        return object;
    }

    /** Whether the directory and the cache root exist, belong to this user and nobody else can write to them. */
    private boolean isPrivate(Path folder) {
        try {
            for (Path each : List.of(directory, folder)) {
                if (!Files.getOwner(each).getName().equals(System.getProperty("user.name"))) {
                    return false;
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(each);
                if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException unknown) {
            return false;
        }
    }

    /** Drops the entry of {@code key}, if it can. */
    void remove(String key) {
        try {
            Files.deleteIfExists(pathOf(key, SUFFIX));
        } catch (IOException ignored) {
            // it stays; the next reader checks it again
        }
    }

    /** Keeps {@code object} under {@code key}; silently does nothing when the directory cannot take it. */
    void put(String key, byte[] object) {
        store(pathOf(key, SUFFIX), key, wrap(key, object));
    }

    /** Whether the native code cache has an entry under {@code key} (not checked: the runtime does that). */
    boolean hasLibrary(String key) {
        return Files.exists(pathOf(key, LIBRARY_SUFFIX));
    }

    /** Keeps a native code cache entry (see NativeEntry), which the C runtime reads. */
    void putLibrary(String key, byte[] entry) {
        store(pathOf(key, LIBRARY_SUFFIX), key, entry);
    }

    /** Keeps the compiler's refusal of {@code key}, which the C runtime then does not ask for again. */
    void putRefusal(String key, String reason) {
        store(pathOf(key, REFUSAL_SUFFIX), key, (reason + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void store(Path entry, String key, byte[] file) {
        try {
            Files.createDirectories(entry.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (!isPrivate(entry.getParent())) {
                return;
            }
            Path temporary = Files.createTempFile(entry.getParent(), key.substring(0, 8), ".tmp");
            try {
                Files.write(temporary, file);
                long recorded = recordedBytes();
                knownBytes = recorded < 0 ? -1 : recorded + file.length;
                try {
                    Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException unsupported) {
                    Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            trim();
            if (knownBytes >= 0) {
                Files.writeString(directory.resolve(SIZE_FILE), Long.toString(knownBytes));
            }
        } catch (IOException | RuntimeException unwritable) {
            // no cache then
        }
    }

    /**
     * The entries, their bytes, and the spools of requests waiting for the cache filler (in
     * {@code fill/}, see cache_fill.c: a run's at its exit, a forked worker's one a request).
     */
    public record Summary(int entries, long bytes, int spools) {}

    public Summary summary() throws IOException {
        List<Path> entries = entries();
        long bytes = 0;
        for (Path entry : entries) {
            bytes += Files.size(entry);
        }
        return new Summary(entries.size(), bytes, fillFiles(".spool", ".taken").size());
    }

    /**
     * Removes every entry, the requests waiting for the cache filler, and the file of a filler
     * serving the cache, which then stops; returns how many entries there were.
     */
    public int clear() throws IOException {
        List<Path> entries = entries();
        for (Path entry : entries) {
            Files.deleteIfExists(entry);
        }
        for (Path spool : fillFiles(".spool", ".taken", "serving")) {
            Files.deleteIfExists(spool);
        }
        Files.deleteIfExists(directory.resolve(SIZE_FILE));
        knownBytes = 0;
        return entries.size();
    }

    /** An entry of the key: in the folder named by its first two digits. */
    private Path pathOf(String key, String suffix) {
        return directory.resolve(key.substring(0, 2)).resolve(key + suffix);
    }

    /**
     * The files of the fill folder whose names end so: spools waiting for the cache filler or
     * being compiled by it (.spool, .taken), a serving filler's file (serving).
     */
    private List<Path> fillFiles(String... endings) throws IOException {
        Path fill = directory.resolve(FILL_FOLDER);
        if (!Files.isDirectory(fill)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(fill)) {
            return files.filter(file -> Stream.of(endings).anyMatch(file.getFileName().toString()::endsWith)).toList();
        }
    }

    private List<Path> entries() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory, 2)) {
            return files.filter(file -> Stream.of(SUFFIX, LIBRARY_SUFFIX, REFUSAL_SUFFIX, LOOP_SUFFIX, GENERIC_SUFFIX).anyMatch(file.getFileName().toString()::endsWith)
                    && Files.isRegularFile(file)).toList();
        }
    }

    /**
     * Least recently used first, until the entries take at most three quarters of the limit. The
     * directory is walked only when the entries may not fit (other processes write too, so the
     * count kept here is a lower bound); trimming below the limit keeps a full cache from walking
     * its whole directory at every write (with 14,000 entries that took 0.5 s a write).
     */
    /** The total the size file gives (other processes may have written since this one looked), or -1. */
    private long recordedBytes() {
        try {
            return Long.parseLong(Files.readString(directory.resolve(SIZE_FILE)).trim());
        } catch (IOException | NumberFormatException unknown) {
            return -1;
        }
    }

    private void trim() throws IOException {
        if (knownBytes >= 0 && knownBytes <= maxBytes) {
            return;
        }
        List<Path> entries = new ArrayList<>(entries());
        long total = 0;
        for (Path entry : entries) {
            total += Files.size(entry);
        }
        knownBytes = total;
        if (total <= maxBytes) {
            return;
        }
        long target = maxBytes / 4 * 3;
        entries.sort(Comparator.comparing(CodeCache::lastUsed));
        for (Path entry : entries) {
            if (total <= target) {
                break;
            }
            long size = Files.size(entry);
            Files.deleteIfExists(entry);
            total -= size;
        }
        knownBytes = total;
    }

    private static FileTime lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry);
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
    }

    /** MAGIC, the key, the object's length and digest, then the object. */
    private static byte[] wrap(String key, byte[] object) {
        byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
        byte[] digest = sha256(object);
        ByteBuffer file = ByteBuffer.allocate(MAGIC.length + 4 + keyBytes.length + 4 + digest.length + object.length);
        file.put(MAGIC).putInt(keyBytes.length).put(keyBytes).putInt(object.length).put(digest).put(object);
        return file.array();
    }

    private static byte[] unwrap(String key, byte[] file) {
        ByteBuffer buffer = ByteBuffer.wrap(file);
        byte[] magic = new byte[MAGIC.length];
        if (buffer.remaining() < MAGIC.length + 4) {
            return null;
        }
        buffer.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            return null;
        }
        int keyLength = buffer.getInt();
        if (keyLength != key.length() || buffer.remaining() < keyLength + 4 + 32) {
            return null;
        }
        byte[] storedKey = new byte[keyLength];
        buffer.get(storedKey);
        int length = buffer.getInt();
        byte[] digest = new byte[32];
        buffer.get(digest);
        if (!new String(storedKey, StandardCharsets.US_ASCII).equals(key) || length != buffer.remaining()) {
            return null;
        }
        byte[] object = new byte[length];
        buffer.get(object);
        return Arrays.equals(sha256(object), digest) ? object : null;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
