package dev.pyjit.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMBinaryRef;
import org.bytedeco.llvm.LLVM.LLVMMemoryBufferRef;
import org.bytedeco.llvm.LLVM.LLVMSectionIteratorRef;
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
     * Records the functions of a linked object whose entry point {@code symbol} is now at
     * {@code address}: the entry point, and every helper the object kept a body of (the runtime's
     * helpers not inlined into it), named {@code helper in symbol}, at the same distance from the
     * entry point as in the object (its code is linked as one block). A map that cannot be
     * written only leaves perf without names: the code runs all the same.
     */
    void add(byte[] object, String symbol, long address) {
        StringBuilder lines = new StringBuilder();
        try (BytePointer bytes = new BytePointer(object.length); BytePointer name = new BytePointer("object");
             BytePointer error = new BytePointer((BytePointer) null)) {
            bytes.put(object);
            LLVMMemoryBufferRef buffer = LLVMCreateMemoryBufferWithMemoryRangeCopy(bytes, object.length, name);
            LLVMBinaryRef binary = LLVMCreateBinary(buffer, null, error);
            if (binary == null || binary.isNull()) {
                LLVMDisposeMessage(error);
                LLVMDisposeMemoryBuffer(buffer);
                return;
            }
            // the symbols of the code section, at their offsets in it
            Map<String, long[]> functions = new LinkedHashMap<>();
            LLVMSymbolIteratorRef symbols = LLVMObjectFileCopySymbolIterator(binary);
            LLVMSectionIteratorRef section = LLVMObjectFileCopySectionIterator(binary);
            for (; LLVMObjectFileIsSymbolIteratorAtEnd(binary, symbols) == 0; LLVMMoveToNextSymbol(symbols)) {
                long size = LLVMGetSymbolSize(symbols);
                LLVMMoveToContainingSection(section, symbols);
                if (size > 0 && LLVMObjectFileIsSectionIteratorAtEnd(binary, section) == 0 && ".text".equals(LLVMGetSectionName(section).getString())) {
                    functions.put(LLVMGetSymbolName(symbols).getString(), new long[] {LLVMGetSymbolAddress(symbols), size});
                }
            }
            LLVMDisposeSectionIterator(section);
            LLVMDisposeSymbolIterator(symbols);
            LLVMDisposeBinary(binary);
            LLVMDisposeMemoryBuffer(buffer);
            long[] entry = functions.get(symbol);
            if (entry == null) {
                return;
            }
            functions.forEach((function, where) -> lines.append(Long.toHexString(address + where[0] - entry[0])).append(' ')
                    .append(Long.toHexString(where[1])).append(' ').append(function.equals(symbol) ? symbol : function + " in " + symbol)
                    .append('\n'));
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(lines.toString());
        } catch (IOException unwritable) {
            // nothing to undo
        }
    }
}
