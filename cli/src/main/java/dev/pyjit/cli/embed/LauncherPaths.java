package dev.pyjit.cli.embed;

import dev.pyjit.runtime.RuntimeFiles;
import dev.pyjit.runtime.Toolchain;
import java.io.IOException;

/**
 * Prints what the pyjit command needs to start the native launcher, once per build: the
 * launcher's path, then the bundled CPython's home, one per line. Both are written or extracted
 * by this call if they are not there yet.
 */
public final class LauncherPaths {
    private LauncherPaths() {}

    public static void main(String[] args) throws IOException {
        System.out.println(RuntimeFiles.launcher());
        System.out.println(Toolchain.pythonHome());
    }
}
