package dev.pyjit.cli.embed;

import dev.pyjit.runtime.RuntimeFiles;
import dev.pyjit.runtime.Toolchain;
import java.io.IOException;

/**
 * Prints what the pyjit command needs to start the native launcher, once per build: the
 * launcher's path, the bundled CPython's home (both written or extracted by this call if they are
 * not there yet), the compiler's build identity for the native code cache, then the native
 * libraries the compiler loads ({@link NativeLibraries}), one per line.
 */
public final class LauncherPaths {
    private LauncherPaths() {}

    public static void main(String[] args) throws IOException {
        System.out.println(RuntimeFiles.launcher());
        System.out.println(Toolchain.pythonHome());
        System.out.println(CacheKey.buildIdentity());
        NativeLibraries.unpacked().forEach(System.out::println);
    }
}
