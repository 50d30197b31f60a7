package dev.pyjit.cli.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The build lists the compiler's native libraries in an order that loads; a list that does not load leaves JavaCPP to it. */
class NativeLibrariesTest {
    private static final String LOAD_LIBRARIES = "org.bytedeco.javacpp.loadlibraries";

    @AfterEach
    void forget() {
        System.clearProperty(NativeLibraries.PROPERTY);
        System.clearProperty(LOAD_LIBRARIES);
    }

    @Test
    void theBuildListsEachLibraryAfterThoseItLinks() {
        List<Path> files = NativeLibraries.unpacked();
        List<String> names = files.stream().map(file -> file.getFileName().toString()).toList();
        assertEquals(List.of("libjnijavacpp.so", "libLLVM.so", "libRemarks.so", "libLTO.so", "libjniLLVM.so", "libjnipython.so"), names);
        files.forEach(file -> assertTrue(Files.isRegularFile(file), file + " is unpacked"));

        System.setProperty(NativeLibraries.PROPERTY, files.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        assertTrue(NativeLibraries.loadListed());
        assertEquals("false", System.getProperty(LOAD_LIBRARIES), "JavaCPP's Loader is told that nothing is left to load");
    }

    @Test
    void aListedFileThatIsGoneLeavesTheLoaderToFindThem() {
        Path llvm = NativeLibraries.unpacked().get(1);
        System.setProperty(NativeLibraries.PROPERTY, llvm + File.pathSeparator + llvm.resolveSibling("libGone.so"));
        assertFalse(NativeLibraries.loadListed());
        assertNull(System.getProperty(LOAD_LIBRARIES));
    }

    @Test
    void noListLeavesTheLoaderToFindThem() {
        assertFalse(NativeLibraries.loadListed());
        assertNull(System.getProperty(LOAD_LIBRARIES));
    }
}
