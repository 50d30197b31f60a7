package dev.pyjit.frontend;

import static org.bytedeco.cpython.global.python.Py_DecRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.cpython.PyObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Decoder} and {@link ExceptionTable} against {@code dis} of the embedded CPython, for the
 * functions in {@code python/decoder_cases.py}.
 */
class DecoderTest {
    /** One row of dis.get_instructions: null for dis's None. */
    record DisRow(int offset, int startOffset, String opname, Integer arg, Integer jumpTarget, Integer line, Integer positionsLine) {
        static DisRow parse(String text) {
            String[] f = text.split(" ");
            assertEquals(7, f.length, text);
            return new DisRow(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], number(f[3]), number(f[4]), number(f[5]), number(f[6]));
        }

        private static Integer number(String field) {
            return field.equals("-") ? null : Integer.valueOf(field);
        }
    }

    private static PyObject cases;

    @BeforeAll
    static void loadCases() throws IOException {
        EmbeddedPython.initialise();
        String source;
        try (InputStream in = DecoderTest.class.getResourceAsStream("/python/decoder_cases.py")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        cases = EmbeddedPython.run(source);
    }

    @AfterAll
    static void release() {
        Py_DecRef(cases);
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** "f" or "outer.inner" for a code object nested in outer's constants. */
    private static CodeObject code(String name) {
        String[] parts = name.split("\\.");
        CodeObject code = EmbeddedPython.code(cases, parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String inner = parts[i];
            code = code.constants().stream()
                    .filter(c -> c.kind() == CodeObject.ConstantKind.CODE && c.nestedCode().name().equals(inner))
                    .findFirst().orElseThrow().nestedCode();
        }
        return code;
    }

    private static String key(String name) {
        return name.replace(".", "__");
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "for_loop", "while_loop", "calls", "comparisons", "exceptions", "with_statement",
            "comprehension", "closure", "closure.inner", "generator", "coroutine", "literals", "matching",
            "long_constants", "long_jump"})
    void decodesLikeDis(String name) {
        CodeObject code = code(name);
        List<DisRow> expected = lines(EmbeddedPython.string(cases, "dis_" + key(name))).stream().map(DisRow::parse).toList();
        List<Instruction> actual = Decoder.decode(code);

        List<String> expectedOps = expected.stream().map(r -> r.offset() + " " + r.opname()).toList();
        List<String> actualOps = actual.stream().map(i -> i.offset() + " " + i.opcode()).toList();
        assertEquals(expectedOps, actualOps, "offsets and opcodes of " + name);

        for (int i = 0; i < expected.size(); i++) {
            DisRow row = expected.get(i);
            Instruction instruction = actual.get(i);
            String where = name + " at " + row.offset() + " " + row.opname();
            assertEquals(row.startOffset(), instruction.start(), where + ": start (first EXTENDED_ARG)");
            if (row.arg() != null) {
                assertEquals(row.arg().intValue(), instruction.argument(), where + ": argument");
            }
            assertEquals(row.jumpTarget() == null ? -1 : row.jumpTarget(), instruction.jumpTarget(), where + ": jump target");
            if (row.line() != null) {
                assertEquals(row.line().intValue(), instruction.line(), where + ": line_number");
            } else {
                assertEquals(-1, instruction.line(), where + ": no line");
            }
            if (row.positionsLine() != null) {
                assertEquals(row.positionsLine().intValue(), instruction.line(), where + ": positions.lineno");
            }
            int next = i + 1 < actual.size() ? actual.get(i + 1).start() : code.code().length;
            assertEquals(next, instruction.next(), where + ": next is where the following instruction starts");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "for_loop", "exceptions", "with_statement", "comprehension", "closure.inner",
            "generator", "coroutine", "matching", "long_jump"})
    void parsesExceptionTableLikeDis(String name) {
        CodeObject code = code(name);
        List<String> expected = lines(EmbeddedPython.string(cases, "table_" + key(name)));
        List<String> actual = new ArrayList<>();
        for (ExceptionTable.Entry e : ExceptionTable.parse(code.exceptionTable())) {
            actual.add(e.start() + " " + e.end() + " " + e.target() + " " + e.depth() + " " + (e.pushLastInstruction() ? 1 : 0));
        }
        assertEquals(expected, actual, "exception table of " + name);
    }

    @Test
    void casesReallyExerciseExtendedArgAndExceptionTables() {
        assertTrue(Integer.parseInt(EmbeddedPython.string(cases, "extended_long_constants")) > 0, "long_constants has EXTENDED_ARG");
        assertTrue(Integer.parseInt(EmbeddedPython.string(cases, "extended_long_jump")) > 0, "long_jump has EXTENDED_ARG");
        List<Instruction> constants = Decoder.decode(code("long_constants"));
        assertTrue(constants.stream().anyMatch(i -> i.opcode() == Opcode.LOAD_CONST && i.argument() >= 256 && i.start() == i.offset() - 2));
        List<Instruction> jumps = Decoder.decode(code("long_jump"));
        assertTrue(jumps.stream().anyMatch(i -> i.opcode() == Opcode.JUMP_BACKWARD && i.argument() >= 256),
                "a backward jump over more than 255 code units");
        assertTrue(jumps.stream().anyMatch(i -> i.opcode() == Opcode.POP_JUMP_IF_FALSE && i.argument() >= 256),
                "a forward jump over more than 255 code units");
        assertFalse(ExceptionTable.parse(code("exceptions").exceptionTable()).isEmpty());
        assertTrue(code("generator").isGeneratorLike());
        assertTrue(code("coroutine").isGeneratorLike());
        assertFalse(code("add").isGeneratorLike());
    }

    @Test
    void codeReaderCopiesTheCodeObject() {
        CodeObject add = code("add");
        assertEquals("add", add.name());
        assertEquals("add", add.qualifiedName());
        assertEquals(2, add.argCount());
        assertEquals(List.of("a", "b"), add.localNames());
        CodeObject inner = code("closure.inner");
        assertEquals("closure.<locals>.inner", inner.qualifiedName());
        assertEquals(List.of("y", "x"), inner.localNames(), "free variables follow the varnames");
        assertEquals(1, inner.freeCount());
        CodeObject closure = code("closure");
        assertEquals(1, closure.cellCount());
        CodeObject unicode = EmbeddedPython.compile("def f(\u00f1):\n    return '\u00e9\u4e2d'\n", "f");
        assertEquals(List.of("\u00f1"), unicode.localNames(), "identifiers are UTF-8");
        assertEquals("'\u00e9\u4e2d'", unicode.constants().get(1).repr(), "reprs are UTF-8");
        CodeObject literals = code("literals");
        List<CodeObject.ConstantKind> kinds = literals.constants().stream().map(CodeObject.Constant::kind).toList();
        assertTrue(kinds.contains(CodeObject.ConstantKind.TUPLE), kinds::toString);
        assertTrue(literals.constants().stream().anyMatch(c -> c.repr().equals("(1, 2.5, 'x', None, b'y', Ellipsis)")),
                () -> literals.constants().toString());
    }

    // ---- hand-made bytecode: no Python needed

    private static CodeObject bytecode(int... units) {
        byte[] code = new byte[units.length];
        for (int i = 0; i < units.length; i++) {
            code[i] = (byte) units[i];
        }
        return new CodeObject("f", "f", "<test>", 1, 0, 0, 0, 0, code, List.of(), List.of(), List.of(), 0, 0,
                new byte[0], List.of(new CodeObject.LineRange(0, 4, 1), new CodeObject.LineRange(4, code.length, -1)), code);
    }

    @Test
    void foldsSeveralExtendedArgPrefixes() {
        int ext = Opcode.EXTENDED_ARG.number;
        List<Instruction> decoded = Decoder.decode(bytecode(
                Opcode.RESUME.number, 0,
                ext, 1, ext, 2, Opcode.LOAD_CONST.number, 3,
                Opcode.RETURN_VALUE.number, 0));
        assertEquals(List.of(
                new Instruction(0, 0, Opcode.RESUME, 0, 1, -1, 2),
                new Instruction(2, 6, Opcode.LOAD_CONST, 0x010203, -1, -1, 8),
                new Instruction(8, 8, Opcode.RETURN_VALUE, 0, -1, -1, 10)), decoded);
    }

    @Test
    void skipsCachesAndResolvesJumps() {
        int cache = Opcode.CACHE.number;
        List<Instruction> decoded = Decoder.decode(bytecode(
                Opcode.NOP.number, 0,                                    // 0
                Opcode.POP_JUMP_IF_TRUE.number, 1, cache, 0,             // 2: -> 6 + 2
                Opcode.NOP.number, 0,                                    // 6
                Opcode.JUMP_BACKWARD.number, 3, cache, 0,                // 8: -> 12 - 6
                Opcode.JUMP_FORWARD.number, 0));                         // 12: -> 14
        assertEquals(List.of(0, 2, 6, 8, 12), decoded.stream().map(Instruction::offset).toList());
        assertEquals(List.of(-1, 8, -1, 6, 14), decoded.stream().map(Instruction::jumpTarget).toList());
        assertEquals(List.of(2, 6, 8, 12, 14), decoded.stream().map(Instruction::next).toList());
        assertEquals("2 POP_JUMP_IF_TRUE 1 -> 8", decoded.get(1).toString());
    }

    @Test
    void rejectsUnknownOpcodes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Decoder.decode(bytecode(Opcode.NOP.number, 0, 3, 0)));
        assertEquals("unknown opcode 3 at offset 2", error.getMessage());
    }

    @Test
    void rejectsACacheWhereAnInstructionStarts() {
        // what co_code shows for an opcode CPython does not know: a cache, the real opcode only in the adaptive code
        byte[] code = {(byte) Opcode.NOP.number, 0, (byte) Opcode.CACHE.number, 0, (byte) Opcode.RETURN_CONST.number, 0};
        byte[] adaptive = code.clone();
        adaptive[2] = (byte) 229;
        CodeObject invalid = new CodeObject("f", "f", "<test>", 1, 0, 0, 0, 0, code, List.of(), List.of(), List.of(), 0, 0,
                new byte[0], List.of(new CodeObject.LineRange(0, code.length, 1)), adaptive);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Decoder.decode(invalid));
        assertEquals("unknown opcode 229 at offset 2", error.getMessage());
    }

    @Test
    void parsesMultiByteVarints() {
        // start 70 units (64 + 6), length 3, target 100 units (64 + 36), depth 2 with lasti
        byte[] table = {(byte) (0x80 | 0x40 | 1), 6, 3, 0x40 | 1, 36, 5,
                // start 0, length 1, target 2, depth 0
                (byte) 0x80, 1, 2, 0};
        assertEquals(List.of(new ExceptionTable.Entry(140, 146, 200, 2, true), new ExceptionTable.Entry(0, 2, 4, 0, false)),
                ExceptionTable.parse(table));
        assertEquals(List.of(), ExceptionTable.parse(new byte[0]));
    }
}
