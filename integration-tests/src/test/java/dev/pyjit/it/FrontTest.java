package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyjit.runtime.RuntimeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/pyjit (front.c) starts the launcher as the pyjit script last wrote it down, and runs the
 * script wherever that may no longer hold. Checked in a project folder of its own, whose script
 * and launcher only say how they were run.
 */
class FrontTest {
    private static final String LIBJSIG = Path.of(System.getProperty("java.home"), "lib", "libjsig.so").toString();
    /** The user's own preloaded library: one that exists (or the dynamic loader complains on stderr) and needs no other. */
    private static final String OTHER_PRELOAD = Path.of(System.getProperty("java.home"), "lib", "..", "lib", "libjsig.so").toString();

    private static final Map<String, String> DEBUG = Map.of("PYJIT_DEBUG", "1");

    @TempDir
    Path root;
    private Path front;
    private Path jar;
    private Path javaOnPath;

    @BeforeEach
    void makeProject() throws IOException {
        front = root.resolve("bin/pyjit");
        Files.createDirectories(front.getParent());
        Files.copy(RuntimeFiles.front(), front);
        executable(root.resolve("scripts/pyjit"), "#!/bin/sh\necho script \"$PYJIT_COMMAND\" \"$@\"\n");
        executable(root.resolve("launcher"), "#!/bin/sh\necho launcher \"$@\"\necho \"$PYJIT_BUILD|$PYJIT_PRELOADED|$LD_PRELOAD\"\n");
        javaOnPath = executable(root.resolve("jdk/bin/java"), "#!/bin/sh\n");
        Path source = root.resolve("ir/src/main/java/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {}\n");
        jar = root.resolve("cli/target/pyjit-cli.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");
        Files.setLastModifiedTime(source, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 10_000));
        writeLaunch(List.of("-Xrs", "-Dpyjit.launcher=", "-Dx=y z"), "end\n");
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private void writeLaunch(List<String> options, String last) throws IOException {
        List<String> lines = new ArrayList<>(List.of("pyjit-launch 1", jar.toString(), javaOnPath.toString(), root.resolve("launcher").toString(),
                "/python-home", "/libjvm.so", "build-7", LIBJSIG, Integer.toString(options.size())));
        lines.addAll(options);
        Files.writeString(root.resolve("cli/target/pyjit.launch"), String.join("\n", lines) + "\n" + last);
    }

    private Pyjit.Outcome run(Map<String, String> environment, String command, String... arguments) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PYJIT_") || name.equals("LD_PRELOAD"));
        builder.environment().put("PATH", javaOnPath.getParent() + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        return Pyjit.outcome(builder, null);
    }

    /** What the script says it was given, and why bin/pyjit says it ran it (PYJIT_DEBUG). */
    private static Pyjit.Outcome ranTheScript(String command, String arguments, String reason) {
        return new Pyjit.Outcome(0, "script " + command + " " + arguments + "\n", "pyjit: the pyjit script runs: " + reason + "\n");
    }

    @Test
    void aWrittenLaunchStartsTheLauncherWithTheCommandTheUserRan() throws Exception {
        assertEquals(new Pyjit.Outcome(0, "launcher " + front + " /python-home /libjvm.so 3 -Xrs -Dpyjit.launcher=" + front + " -Dx=y z run a.py x\n"
                + "build-7|" + LIBJSIG + "|" + LIBJSIG + ":" + OTHER_PRELOAD + "\n", ""),
                run(Map.of("LD_PRELOAD", OTHER_PRELOAD, "PYJIT_DEBUG", "1"), front.toString(), "run", "a.py", "x"));
    }

    @Test
    void aRelativeCommandAndALinkToItKeepTheirOwnPaths() throws Exception {
        Path link = root.resolve("env/bin/python");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, front);
        String ran = run(Map.of(), "env/bin/python", "-c", "pass").stdout();
        assertEquals("launcher " + link + " /python-home /libjvm.so 3 -Xrs -Dpyjit.launcher=" + link + " -Dx=y z -c pass", ran.lines().findFirst().orElseThrow());
    }

    @Test
    void withoutAWrittenLaunchTheScriptRuns() throws Exception {
        Files.delete(root.resolve("cli/target/pyjit.launch"));
        assertEquals(ranTheScript(front.toString(), "run a.py", "no launch written down, or one cut short"), run(DEBUG, front.toString(), "run", "a.py"));
    }

    @Test
    void aSourceNewerThanTheBuildRunsTheScriptWhichRebuilds() throws Exception {
        Path source = root.resolve("ir/src/main/java/A.java");
        Files.setLastModifiedTime(source, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 10_000));
        assertEquals(ranTheScript(front.toString(), "-c pass", "a source is newer than the build"), run(DEBUG, front.toString(), "-c", "pass"));
    }

    @Test
    void aBuildNewerThanTheWrittenLaunchRunsTheScript() throws Exception {
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(root.resolve("cli/target/pyjit.launch")).toMillis() + 10_000));
        Files.setLastModifiedTime(root.resolve("ir/src/main/java/A.java"), FileTime.fromMillis(0));
        assertEquals(ranTheScript(front.toString(), "-c pass", "the build is newer than the launch written down"), run(DEBUG, front.toString(), "-c", "pass"));
    }

    @Test
    void aLaunchCutShortRunsTheScript() throws Exception {
        writeLaunch(List.of("-Xrs", "-Dpyjit.launcher="), "");
        assertEquals(ranTheScript(front.toString(), "x.py", "no launch written down, or one cut short"), run(DEBUG, front.toString(), "x.py"));
    }

    @Test
    void anotherJavaOnThePathRunsTheScript() throws Exception {
        Path other = executable(root.resolve("other-jdk/bin/java"), "#!/bin/sh\n");
        assertEquals(ranTheScript(front.toString(), "x.py", "the java command on the PATH is another"),
                run(Map.of("PATH", other.getParent() + ":" + javaOnPath.getParent() + ":/usr/bin:/bin", "PYJIT_DEBUG", "1"), front.toString(), "x.py"));
    }

    /** A release's launch is in the user's cache (its own folder may be read-only), and a release is never rebuilt. */
    @Test
    void aReleasesLaunchIsInTheUsersCache() throws Exception {
        executable(root.resolve("jre/bin/java"), "#!/bin/sh\n");
        Path cache = root.resolve("cache");
        Path launch = cache.resolve("pyjit/launch" + root.toRealPath().toString().replace('/', '_'));
        Files.createDirectories(launch.getParent());
        Files.writeString(launch, String.join("\n", "pyjit-launch 1", "", "", root.resolve("launcher").toString(), "/python-home", "/libjvm.so",
                "build-8", "", "1", "-Dpyjit.launcher=", "end") + "\n");
        Files.setLastModifiedTime(root.resolve("ir/src/main/java/A.java"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Path front = root.toRealPath().resolve("bin/pyjit");
        assertEquals(new Pyjit.Outcome(0, "launcher " + front + " /python-home /libjvm.so 1 -Dpyjit.launcher=" + front + " -c pass\nbuild-8||\n", ""),
                run(Map.of("XDG_CACHE_HOME", cache.toString(), "PYJIT_DEBUG", "1"), front.toString(), "-c", "pass"));
    }

    @Test
    void theJvmsWayIsTheScripts() throws Exception {
        assertEquals(ranTheScript(front.toString(), "dump x.py", "PYJIT_LAUNCH asks for the JVM's command line"),
                run(Map.of("PYJIT_LAUNCH", "jvm", "PYJIT_DEBUG", "1"), front.toString(), "dump", "x.py"));
    }
}
