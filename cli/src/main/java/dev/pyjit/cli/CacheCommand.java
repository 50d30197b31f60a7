package dev.pyjit.cli;

import dev.pyjit.cli.embed.CodeCache;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code pyjit cache info | clear}: the code cache that spares a program's second run its compilations. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Show or empty the code cache ($XDG_CACHE_HOME/pyjit, else ~/.cache/pyjit).",
        subcommands = {CacheCommand.Info.class, CacheCommand.Clear.class})
public final class CacheCommand {
    private static CodeCache cache() {
        return new CodeCache(CodeCache.defaultDirectory(System.getenv()), CodeCache.DEFAULT_MAX_BYTES);
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Where the cache is, how many entries it has, their size, and the runs whose requests wait for the cache filler.")
    static final class Info implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            CodeCache cache = cache();
            CodeCache.Summary summary = cache.summary();
            System.out.printf("%s: %d entries, %.1f MiB (at most %d MiB)%n", cache.directory(), summary.entries(),
                    summary.bytes() / 1048576.0, CodeCache.DEFAULT_MAX_BYTES >> 20);
            if (summary.spools() > 0) {
                System.out.printf("%d spool%s of requests wait%s for the cache filler%n", summary.spools(), summary.spools() == 1 ? "" : "s",
                        summary.spools() == 1 ? "s" : "");
            }
            return 0;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove every entry, and the requests waiting for the cache filler.")
    static final class Clear implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            CodeCache cache = cache();
            System.out.printf("%s: removed %d entries%n", cache.directory(), cache.clear());
            return 0;
        }
    }
}
