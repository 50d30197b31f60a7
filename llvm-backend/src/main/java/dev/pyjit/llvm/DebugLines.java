package dev.pyjit.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.pyjit.ir.SourceLines;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMDIBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMMetadataRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * DWARF line information for one compiled function: a subprogram in the Python file, and a
 * location on every instruction naming the source line it was lowered from. The assembly then
 * carries each line ({@code .loc} directives), and debuggers and profilers can map native code
 * back to Python source.
 */
final class DebugLines {
    private final LLVMContextRef context;
    private final LLVMBuilderRef builder;
    private final LLVMDIBuilderRef debugInfo;
    private final LLVMMetadataRef subprogram;
    private final Map<Integer, LLVMMetadataRef> locations = new HashMap<>();
    private int line = -1;

    DebugLines(LLVMContextRef context, LLVMModuleRef module, LLVMBuilderRef builder, LLVMValueRef function, String name,
               String symbol, SourceLines source) {
        this.context = context;
        this.builder = builder;
        LLVMAddModuleFlag(module, LLVMModuleFlagBehaviorWarning, "Debug Info Version", "Debug Info Version".length(),
                LLVMValueAsMetadata(LLVMConstInt(LLVMInt32TypeInContext(context), LLVMDebugMetadataVersion(), 0)));
        debugInfo = LLVMCreateDIBuilder(module);
        // split by hand: a file name need not be a valid path for the JVM's charset
        int slash = source.file().lastIndexOf('/');
        String fileName = source.file().substring(slash + 1);
        String directory = slash < 0 ? "" : source.file().substring(0, slash);
        LLVMMetadataRef file = LLVMDIBuilderCreateFile(debugInfo, utf8(fileName), length(fileName), utf8(directory), length(directory));
        LLVMMetadataRef unit = LLVMDIBuilderCreateCompileUnit(debugInfo, LLVMDWARFSourceLanguagePython, file,
                utf8("pyjit"), length("pyjit"), /* optimized */ 1, utf8(""), 0, 0, utf8(""), 0, LLVMDWARFEmissionFull,
                0, 0, 0, utf8(""), 0, utf8(""), 0);
        LLVMMetadataRef type = LLVMDIBuilderCreateSubroutineType(debugInfo, file, new PointerPointer<>(0), 0, LLVMDIFlagZero);
        subprogram = LLVMDIBuilderCreateFunction(debugInfo, unit, utf8(name), length(name), utf8(symbol), length(symbol), file,
                source.firstLine(), type, /* local */ 0, /* definition */ 1, source.firstLine(), LLVMDIFlagZero, /* optimized */ 1);
        LLVMSetSubprogram(function, subprogram);
        at(source.firstLine());
    }

    /** Instructions built from now on are for this source line; a line of -1 (none) keeps the current one. */
    void at(int sourceLine) {
        if (sourceLine < 0 || sourceLine == line) {
            return;
        }
        line = sourceLine;
        LLVMSetCurrentDebugLocation2(builder, locations.computeIfAbsent(sourceLine,
                l -> LLVMDIBuilderCreateDebugLocation(context, l, 0, subprogram, null)));
    }

    void finish() {
        LLVMDIBuilderFinalize(debugInfo);
        LLVMDisposeDIBuilder(debugInfo);
    }

    private static BytePointer utf8(String text) {
        return new BytePointer(text, StandardCharsets.UTF_8);
    }

    private static long length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
