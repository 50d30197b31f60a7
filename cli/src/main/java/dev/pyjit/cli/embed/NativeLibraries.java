package dev.pyjit.cli.embed;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bytedeco.javacpp.Loader;

/**
 * The compiler's native libraries in a launched program, loaded from the files JavaCPP unpacked
 * when pyjit was built rather than through JavaCPP's Loader. The Loader finds a library by
 * searching the class path's jars and checking the unpacked file against its jar entry, at every
 * start: 70-120 ms of the 370 ms a cold JVM took to attach, where loading the files themselves
 * takes about 25. The build lists them once ({@link #unpacked}); the launcher hands the list to
 * the JVM as the {@value #PROPERTY} property.
 */
final class NativeLibraries {
    static final String PROPERTY = "pyjit.natives";

    /**
     * Each library after those it links: LLVM's JNI library links libLLVM, libRemarks and libLTO;
     * CPython's links libpython, which the launcher has loaded before the JVM started.
     */
    private static final List<String> LOAD_ORDER = List.of("jnijavacpp", "LLVM", "Remarks", "LTO", "jniLLVM", "jnipython");

    private NativeLibraries() {}

    /**
     * The files JavaCPP loads for LLVM and CPython (unpacking them first), in {@link #LOAD_ORDER};
     * empty if one of them is not among them, when the Loader is left to find them at run time.
     */
    static List<Path> unpacked() {
        Loader.load(org.bytedeco.llvm.global.LLVM.class);
        Loader.load(org.bytedeco.cpython.global.python.class);
        Collection<String> loaded = Loader.getLoadedLibraries().values();
        List<Path> files = new ArrayList<>();
        for (String name : LOAD_ORDER) {
            String fileName = System.mapLibraryName(name);
            loaded.stream().map(Path::of).filter(file -> file.getFileName().toString().equals(fileName)).findFirst().ifPresent(files::add);
        }
        return files.size() == LOAD_ORDER.size() ? files : List.of();
    }

    /**
     * Loads the files the {@value #PROPERTY} property lists, JavaCPP's Loader told beforehand that
     * there is nothing for it to load: loading its own JNI library initialises its Pointer class,
     * which asks the Loader to load that library again, and the Loader, unless told so, looked for
     * it through the platform's properties, the class path's jars and the JDK's image (about 25 ms
     * of the 270 ms from a function getting hot to the compiler attached). Whether they were all loaded:
     * where one was not (a release moved, a cache cleared), the Loader is told to load again, and
     * finds what is missing as it always did.
     */
    static boolean loadListed() {
        String listed = System.getProperty(PROPERTY, "");
        if (listed.isEmpty()) {
            return false;
        }
        System.setProperty(LOAD_LIBRARIES, "false");
        try {
            for (String file : listed.split(File.pathSeparator)) {
                System.load(file);
            }
        } catch (UnsatisfiedLinkError | SecurityException missing) {
            System.clearProperty(LOAD_LIBRARIES);
            return false;
        }
        return true;
    }

    /** Whether JavaCPP's Loader loads native libraries (as its presets' classes initialise). */
    private static final String LOAD_LIBRARIES = "org.bytedeco.javacpp.loadlibraries";
}
