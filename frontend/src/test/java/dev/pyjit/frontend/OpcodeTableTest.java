package dev.pyjit.frontend;

import static org.bytedeco.cpython.global.python.Py_DecRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyjit.ir.CacheHint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.cpython.PyObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Opcode} against the {@code dis} and {@code opcode} modules of the embedded CPython. */
class OpcodeTableTest {
    /** One row of dis.opmap: name number caches relative-jump. */
    record PyOpcode(String name, int number, int caches, boolean relativeJump) {}

    private static final String TABLE = String.join("\n",
            "import dis, opcode, sys",
            "version = '%d.%d' % sys.version_info[:2]",
            "rows = []",
            "for name, number in sorted(dis.opmap.items(), key=lambda item: item[1]):",
            "    if number < 256:",
            "        rows.append('%s %d %d %d' % (name, number, opcode._inline_cache_entries.get(name, 0),",
            "                    number in dis.hasjrel))",
            "table = '\\n'.join(rows)",
            "specialised = '\\n'.join('%s %d' % item for item in opcode._specialized_opmap.items())",
            "");

    private static Map<String, PyOpcode> python;
    /** opcode._specialized_opmap: the interpreter's quickened opcodes by name. */
    private static Map<String, Integer> specialised;

    @BeforeAll
    static void readTable() {
        EmbeddedPython.initialise();
        PyObject globals = EmbeddedPython.run(TABLE);
        try {
            assertEquals("3.13", EmbeddedPython.string(globals, "version"));
            python = new LinkedHashMap<>();
            for (String line : EmbeddedPython.string(globals, "table").split("\n")) {
                String[] fields = line.split(" ");
                assertEquals(4, fields.length, line);
                python.put(fields[0], new PyOpcode(fields[0], Integer.parseInt(fields[1]), Integer.parseInt(fields[2]),
                        fields[3].equals("1")));
            }
            specialised = new LinkedHashMap<>();
            for (String line : EmbeddedPython.string(globals, "specialised").split("\n")) {
                String[] fields = line.split(" ");
                specialised.put(fields[0], Integer.parseInt(fields[1]));
            }
        } finally {
            Py_DecRef(globals);
        }
    }

    @Test
    void cacheHintsAreTheInterpretersQuickenedOpcodes() {
        for (CacheHint hint : CacheHint.values()) {
            if (hint == CacheHint.FOR_ITER_INERT || hint == CacheHint.BINARY_OP_GENERIC) {
                // the instruction itself, left unspecialised
                assertEquals((hint == CacheHint.FOR_ITER_INERT ? Opcode.FOR_ITER : Opcode.BINARY_OP).number, hint.opcode);
                assertSame(hint, CacheHint.of(hint.opcode));
            } else if (hint != CacheHint.NONE) {
                assertEquals(specialised.get(hint.cpythonName()), hint.opcode, hint::name);
                assertSame(hint, CacheHint.of(hint.opcode));
            }
        }
        assertSame(CacheHint.NONE, CacheHint.of(Opcode.LOAD_ATTR.number));
    }

    @Test
    void tableWasRead() {
        assertTrue(python.size() > 100, "dis.opmap has " + python.size() + " opcodes below 256");
        assertEquals(new PyOpcode("LOAD_FAST", 85, 0, false), python.get("LOAD_FAST"));
    }

    @Test
    void everyDisOpcodeIsInTheEnumWithTheSameNumberAndCaches() {
        List<String> problems = new ArrayList<>();
        for (PyOpcode expected : python.values()) {
            Opcode opcode;
            try {
                opcode = Opcode.valueOf(expected.name());
            } catch (IllegalArgumentException e) {
                problems.add(expected.name() + " is missing");
                continue;
            }
            if (opcode.number != expected.number()) {
                problems.add(expected.name() + " is " + opcode.number + ", dis says " + expected.number());
            }
            if (opcode.caches != expected.caches()) {
                problems.add(expected.name() + " has " + opcode.caches + " caches, opcode says " + expected.caches());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyEnumConstantIsInDis() {
        List<String> extra = new ArrayList<>();
        for (Opcode opcode : Opcode.values()) {
            if (!python.containsKey(opcode.name())) {
                extra.add(opcode.name());
            }
        }
        assertEquals(List.of(), extra);
        assertEquals(python.size(), Opcode.values().length);
    }

    @Test
    void relativeJumpsAreExactlyDisHasjrel() {
        for (Opcode opcode : Opcode.values()) {
            assertEquals(python.get(opcode.name()).relativeJump(), opcode.relativeJump, opcode::name);
        }
    }

    @Test
    void lookupByNumber() {
        for (Opcode opcode : Opcode.values()) {
            assertSame(opcode, Opcode.of(opcode.number));
        }
        Set<Integer> used = new java.util.HashSet<>();
        python.values().forEach(op -> used.add(op.number()));
        for (int number = 0; number < 256; number++) {
            if (!used.contains(number)) {
                assertNull(Opcode.of(number), "no opcode " + number);
            } else {
                assertNotNull(Opcode.of(number));
            }
        }
        assertNull(Opcode.of(-1));
        assertNull(Opcode.of(256));
    }
}
