package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pyjit -m venv DIR} makes an environment whose commands run pyjit in it, as a
 * {@code python3.13 -m venv} environment's run python3.13: {@code sys.prefix} is the environment,
 * pip comes with it and installs into it, its activate script and console scripts work, and the
 * JIT's flags and variables still apply. Everything runs through {@code scripts/pyjit}, the command
 * the environment links to, and nothing needs a package index: the package installed is built here,
 * by a build backend in its own source tree.
 */
class VirtualEnvironmentTest {
    private static final Path PYJIT = Path.of(System.getProperty("pyjit.command"));
    private static final Path PACKAGE = Path.of("src/test/resources/packages/greet").toAbsolutePath();
    private static final String WHERE = "import sys, sysconfig; print(sys.prefix, sys.base_prefix != sys.prefix, sysconfig.get_paths()['purelib'] in sys.path)";

    @TempDir
    static Path directory;
    private static Path environment;

    @BeforeAll
    static void makeEnvironment() throws Exception {
        environment = directory.resolve("env");
        Pyjit.Outcome made = run(directory, PYJIT.toString(), "-m", "venv", environment.toString());
        assertEquals(new Pyjit.Outcome(0, "", ""), made);
    }

    /** A command line run with the environment of a user who has not activated the environment. */
    private static Pyjit.Outcome run(Path workingDirectory, String... command) throws IOException, InterruptedException {
        return run(Map.of(), workingDirectory, command);
    }

    private static Pyjit.Outcome run(Map<String, String> settings, Path workingDirectory, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> variables = builder.environment();
        variables.keySet().removeIf(name -> name.startsWith("PYJIT_") || name.startsWith("PYTHON") || name.startsWith("PIP_")
                || name.equals("VIRTUAL_ENV") || name.equals("LD_PRELOAD"));
        variables.put("PYJIT_CACHE_FILL", "0");  // a filler compiling pip's code would outlive the test
        variables.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        variables.put("PIP_NO_INDEX", "1");
        variables.put("PIP_NO_CACHE_DIR", "1");
        variables.putAll(settings);
        return Pyjit.outcome(builder, null);
    }

    private String bin(String command) {
        return environment.resolve("bin").resolve(command).toString();
    }

    @Test
    void everyCommandOfTheEnvironmentRunsPyjitInIt() throws Exception {
        for (String command : List.of("python", "python3", "python3.13", "pyjit")) {
            assertEquals(new Pyjit.Outcome(0, environment + " True True\n", ""), run(directory, bin(command), "-c", WHERE), command);
            assertEquals(environment.resolve("bin").resolve(command).toRealPath(), PYJIT.toRealPath(), command + " is pyjit");
        }
    }

    @Test
    void theJitsFlagsAndVariablesApplyInTheEnvironment() throws Exception {
        Path program = Files.writeString(directory.resolve("loop.py"), String.join("\n",
                "def total(n):",
                "    s = 0",
                "    for i in range(n):",
                "        s += i",
                "    return s",
                "print(total(1000))",
                ""));
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = run(directory, "env", "PYJIT_THRESHOLD=0", bin("python"), "--jit-sync", "--jit-stats=" + stats, program.toString());
        assertEquals(new Pyjit.Outcome(0, "499500\n", ""), outcome);
        assertTrue(entered(stats, program).contains("total"), "total ran natively");
    }

    private static List<String> entered(Path stats, Path program) throws IOException {
        List<String> entered = new ArrayList<>();
        for (JsonNode function : JitStatsFile.read(stats).compiledIn(program)) {
            if (function.get("entries").asLong() > 0) {
                entered.add(function.get("name").asText());
            }
        }
        return entered;
    }

    @Test
    void pipInstallsListsAndUninstallsAWheel() throws Exception {
        Path source = copyOfPackage("wheel-source");
        Pyjit.Outcome built = run(source, bin("python"), "-c", "import backend; print(backend.build_wheel('.'))");
        assertEquals(new Pyjit.Outcome(0, "greet-1.0-py3-none-any.whl\n", ""), built);
        Path wheel = source.resolve("greet-1.0-py3-none-any.whl");

        Pyjit.Outcome installed = run(directory, bin("python"), "-m", "pip", "install", wheel.toString());
        assertEquals(0, installed.exitCode(), installed.toString());
        assertTrue(installed.stdout().contains("Successfully installed greet-1.0"), installed.stdout());
        assertEquals(new Pyjit.Outcome(0, "hello, wheel " + environment.resolve("lib/python3.13/site-packages/greet/__init__.py") + "\n", ""),
                run(directory, bin("python"), "-c", "import greet; print(greet.hello('wheel'), greet.__file__)"));
        assertEquals(new Pyjit.Outcome(0, "hello, script " + bin("python") + "\n", ""), run(directory, bin("greet"), "script"),
                "the console script runs on the environment's python");
        Pyjit.Outcome listed = run(directory, bin("pip"), "list");
        assertTrue(listed.stdout().lines().anyMatch(line -> line.matches("greet\\s+1\\.0")), listed.toString());

        Pyjit.Outcome uninstalled = run(directory, bin("python"), "-m", "pip", "uninstall", "-y", "greet");
        assertTrue(uninstalled.stdout().contains("Successfully uninstalled greet-1.0"), uninstalled.toString());
        Pyjit.Outcome gone = run(directory, bin("python"), "-c", "import greet");
        assertEquals(1, gone.exitCode());
        assertTrue(gone.stderr().endsWith("ModuleNotFoundError: No module named 'greet'\n"), gone.stderr());
    }

    /** pip builds the tree in a build environment of its own, running the build backend on the environment's python. */
    @Test
    void pipInstallsASourceTree() throws Exception {
        Path source = copyOfPackage("tree-source");
        Pyjit.Outcome installed = run(directory, bin("python"), "-m", "pip", "install", source.toString());
        assertEquals(0, installed.exitCode(), installed.toString());
        assertEquals(new Pyjit.Outcome(0, "hello, tree\n", ""), run(directory, bin("python"), "-c", "import greet; print(greet.hello('tree'))"));
        assertEquals(0, run(directory, bin("pip"), "uninstall", "-y", "greet").exitCode());
    }

    /**
     * NumPy as {@code pip install numpy} gives it to a user: a wheel for CPython 3.13, here packed
     * from bytedeco's build (there is no index), installed with its console scripts; its arrays and
     * scalars then flow through compiled code, with the interpreter's results.
     */
    @Test
    void numpyInstalledByPipRunsWithItsScalarsInCompiledCode() throws Exception {
        Path numpy = Path.of(System.getProperty("numpy.path"));
        Pyjit.Outcome packed = run(directory, bin("python"), PACKAGE.resolveSibling("repack_wheel.py").toString(),
                numpy.toString(), "numpy-2.3.1.dist-info", directory.toString());
        assertEquals(0, packed.exitCode(), packed.toString());
        Pyjit.Outcome installed = run(directory, bin("python"), "-m", "pip", "install", packed.stdout().strip());
        assertTrue(installed.stdout().contains("Successfully installed numpy-2.3.1"), installed.toString());
        // its extensions link against OpenBLAS, which bytedeco ships apart
        String openBlas = "LD_LIBRARY_PATH=" + System.getProperty("openblas.path");
        assertEquals(new Pyjit.Outcome(0, "2.3.1\n", ""), run(directory, "env", openBlas, bin("numpy-config"), "--version"));

        Path program = Files.writeString(directory.resolve("squares.py"), String.join("\n",
                "import numpy as np, sys",
                "def squares(values):",
                "    total = 0.0",
                "    for v in values:",
                "        total += v * v",
                "    return total",
                "result = squares(np.linspace(0.0, 1.0, 11))",
                "print(result, type(result).__name__, np.__file__.startswith(sys.prefix))",
                ""));
        Path stats = directory.resolve("numpy-stats.json");
        Pyjit.Outcome interpreted = run(directory, "env", openBlas, bin("python"), "--no-jit", program.toString());
        assertEquals(new Pyjit.Outcome(0, "3.8500000000000005 float64 True\n", ""), interpreted);
        assertEquals(interpreted, run(directory, "env", openBlas, bin("python"), "--jit-sync", "--threshold", "100", "--jit-stats=" + stats, program.toString()));
        assertTrue(entered(stats, program).contains("squares"), "squares ran natively");
    }

    @Test
    void theActivateScriptPutsTheEnvironmentFirst() throws Exception {
        Pyjit.Outcome outcome = run(directory, "bash", "-c", String.join(" && ",
                "source '" + bin("activate") + "'",
                "command -v python",
                "python -c \"" + WHERE + "\"",
                "deactivate",
                "echo \"${VIRTUAL_ENV:-none}\""));
        assertEquals(new Pyjit.Outcome(0, bin("python") + "\n" + environment + " True True\nnone\n", ""), outcome);
    }

    /** With --copies the environment's commands are copies of scripts/pyjit, which find the project through pyvenv.cfg. */
    @Test
    void anEnvironmentOfCopiesRunsToo() throws Exception {
        Path copies = directory.resolve("copies");
        assertEquals(new Pyjit.Outcome(0, "", ""), run(directory, PYJIT.toString(), "-m", "venv", "--copies", "--without-pip", copies.toString()));
        Path python = copies.resolve("bin/python");
        assertTrue(!Files.isSymbolicLink(python), "a copy");
        assertEquals(new Pyjit.Outcome(0, copies + " True True\n", ""), run(directory, python.toString(), "-c", WHERE));
    }

    /**
     * bin/pyjit, which scripts/pyjit installs in the clone, makes environments of links and of
     * copies, and their commands run without the script (which, with PYJIT_DEBUG, would say why it ran).
     */
    @Test
    void theNativeCommandsEnvironmentsRunWithoutTheScript() throws Exception {
        assertEquals(new Pyjit.Outcome(0, "", ""), run(directory, PYJIT.toString(), "-c", "pass"));
        Path front = PYJIT.getParent().getParent().resolve("bin/pyjit");
        for (String kind : List.of("--symlinks", "--copies")) {
            Path made = directory.resolve("front" + kind);
            assertEquals(new Pyjit.Outcome(0, "", ""), run(directory, front.toString(), "-m", "venv", kind, "--without-pip", made.toString()));
            assertEquals(new Pyjit.Outcome(0, made + " True True\n", ""),
                    run(Map.of("PYJIT_DEBUG", "1"), directory, made.resolve("bin/python").toString(), "-c", WHERE), kind);
        }
    }

    private Path copyOfPackage(String name) throws IOException {
        Path copy = directory.resolve(name);
        try (Stream<Path> files = Files.walk(PACKAGE)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(PACKAGE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }
}
