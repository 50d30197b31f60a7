package dev.pyjit.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMBinaryRef;
import org.bytedeco.llvm.LLVM.LLVMMemoryBufferRef;
import org.bytedeco.llvm.LLVM.LLVMSymbolIteratorRef;

/**
 * The perf map of this process ({@code /tmp/perf-PID.map}, the format {@code perf report} reads for
 * code it finds in no file): one line per linked function, its address, size and name, so a
 * profile names compiled Python functions instead of bare addresses.
 */
public final class PerfMap {
    private final Path file;

    public PerfMap(long pid) {
        this.file = Path.of("/tmp", "perf-" + pid + ".map");
    }

    /**
     * Records the function {@code symbol} of a linked object, now at {@code address}. A map that
     * cannot be written only leaves perf without names: the code runs all the same.
     */
    void add(byte[] object, String symbol, long address) {
        String line = Long.toHexString(address) + " " + Long.toHexString(sizeOf(object, symbol)) + " " + symbol + "\n";
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(line);
        } catch (IOException unwritable) {
            // nothing to undo
        }
    }

    /** The size of the symbol's code in the object, from its symbol table; 1 if it is not there. */
    private static long sizeOf(byte[] object, String symbol) {
        try (BytePointer bytes = new BytePointer(object.length); BytePointer name = new BytePointer("object");
             BytePointer error = new BytePointer((BytePointer) null)) {
            bytes.put(object);
            LLVMMemoryBufferRef buffer = LLVMCreateMemoryBufferWithMemoryRangeCopy(bytes, object.length, name);
            LLVMBinaryRef binary = LLVMCreateBinary(buffer, null, error);
            if (binary == null || binary.isNull()) {
                LLVMDisposeMessage(error);
                LLVMDisposeMemoryBuffer(buffer);
                return 1;
            }
            long size = 1;
            LLVMSymbolIteratorRef symbols = LLVMObjectFileCopySymbolIterator(binary);
            for (; LLVMObjectFileIsSymbolIteratorAtEnd(binary, symbols) == 0; LLVMMoveToNextSymbol(symbols)) {
                if (symbol.equals(LLVMGetSymbolName(symbols).getString())) {
                    size = Math.max(1, LLVMGetSymbolSize(symbols));
                }
            }
            LLVMDisposeSymbolIterator(symbols);
            LLVMDisposeBinary(binary);
            LLVMDisposeMemoryBuffer(buffer);
            return size;
        }
    }
}
