package dev.pyjit.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lattice laws of {@link Type}, checked exhaustively over pairs and triples of a sample of types. */
class TypeTest {
    private static final List<Type> SINGLE_BITS = List.of(Type.NONE, Type.BOOL, Type.INT, Type.FLOAT, Type.STR,
            Type.TUPLE, Type.LIST, Type.DICT, Type.OTHER_OBJECT, Type.NULL);

    private static final List<Type> SAMPLE = sample();

    private static List<Type> sample() {
        LinkedHashSet<Type> types = new LinkedHashSet<>(SINGLE_BITS);
        types.add(Type.BOTTOM);
        types.add(Type.OBJECT);
        types.add(Type.TOP);
        types.add(Type.IMMORTAL);
        types.add(Type.INT.union(Type.FLOAT));
        types.add(Type.STR.union(Type.LIST).union(Type.DICT));
        types.add(Type.INT.union(Type.NULL));
        types.add(Type.TUPLE.union(Type.OTHER_OBJECT).union(Type.BOOL));
        return new ArrayList<>(types);
    }

    @Test
    void sampleIsLargeAndDistinct() {
        assertEquals(18, SAMPLE.size());
        // the single bits are pairwise disjoint and none is empty
        for (Type a : SINGLE_BITS) {
            assertFalse(a.isBottom(), a::toString);
            for (Type b : SINGLE_BITS) {
                if (a != b) {
                    assertTrue(a.intersect(b).isBottom(), a + " & " + b);
                }
            }
        }
    }

    @Test
    void unionAndIntersectAreCommutative() {
        for (Type a : SAMPLE) {
            for (Type b : SAMPLE) {
                assertEquals(a.union(b), b.union(a), a + " | " + b);
                assertEquals(a.intersect(b), b.intersect(a), a + " & " + b);
            }
        }
    }

    @Test
    void unionAndIntersectAreAssociative() {
        for (Type a : SAMPLE) {
            for (Type b : SAMPLE) {
                for (Type c : SAMPLE) {
                    assertEquals(a.union(b).union(c), a.union(b.union(c)), a + " | " + b + " | " + c);
                    assertEquals(a.intersect(b).intersect(c), a.intersect(b.intersect(c)), a + " & " + b + " & " + c);
                }
            }
        }
    }

    @Test
    void unionAndIntersectAreIdempotent() {
        for (Type a : SAMPLE) {
            assertEquals(a, a.union(a));
            assertEquals(a, a.intersect(a));
        }
    }

    @Test
    void absorption() {
        for (Type a : SAMPLE) {
            for (Type b : SAMPLE) {
                assertEquals(a, a.union(a.intersect(b)), a + " | (" + a + " & " + b + ")");
                assertEquals(a, a.intersect(a.union(b)), a + " & (" + a + " | " + b + ")");
            }
        }
    }

    @Test
    void distributivity() {
        for (Type a : SAMPLE) {
            for (Type b : SAMPLE) {
                for (Type c : SAMPLE) {
                    assertEquals(a.union(b).intersect(a.union(c)), a.union(b.intersect(c)));
                    assertEquals(a.intersect(b).union(a.intersect(c)), a.intersect(b.union(c)));
                }
            }
        }
    }

    @Test
    void bottomAndTopAreIdentitiesAndAnnihilators() {
        for (Type a : SAMPLE) {
            assertEquals(a, a.union(Type.BOTTOM), "Bottom is the identity of union");
            assertEquals(a, Type.BOTTOM.union(a));
            assertEquals(Type.BOTTOM, a.intersect(Type.BOTTOM), "Bottom annihilates intersection");
            assertEquals(a, a.intersect(Type.TOP), "Top is the identity of intersection");
            assertEquals(Type.TOP, a.union(Type.TOP), "Top annihilates union");
            assertTrue(Type.BOTTOM.isSubtypeOf(a));
            assertTrue(a.isSubtypeOf(Type.TOP));
        }
    }

    @Test
    void subtypeIsConsistentWithUnionAndIntersection() {
        for (Type a : SAMPLE) {
            for (Type b : SAMPLE) {
                boolean subtype = a.isSubtypeOf(b);
                assertEquals(subtype, a.union(b).equals(b), a + " <: " + b + " vs union");
                assertEquals(subtype, a.intersect(b).equals(a), a + " <: " + b + " vs intersection");
                assertTrue(a.isSubtypeOf(a.union(b)), "a <: a|b");
                assertTrue(a.intersect(b).isSubtypeOf(a), "a&b <: a");
            }
        }
    }

    @Test
    void subtypeIsAPartialOrder() {
        for (Type a : SAMPLE) {
            assertTrue(a.isSubtypeOf(a), "reflexive");
            for (Type b : SAMPLE) {
                if (a.isSubtypeOf(b) && b.isSubtypeOf(a)) {
                    assertEquals(a, b, "antisymmetric");
                }
                for (Type c : SAMPLE) {
                    if (a.isSubtypeOf(b) && b.isSubtypeOf(c)) {
                        assertTrue(a.isSubtypeOf(c), "transitive: " + a + " <: " + b + " <: " + c);
                    }
                }
            }
        }
    }

    @Test
    void objectIsEveryPythonObjectAndTopAddsNull() {
        for (Type single : SINGLE_BITS) {
            assertEquals(single != Type.NULL, single.isSubtypeOf(Type.OBJECT), single::toString);
        }
        assertEquals(Type.TOP, Type.OBJECT.union(Type.NULL));
        assertTrue(Type.OBJECT.intersect(Type.NULL).isBottom());
        assertFalse(Type.TOP.isSubtypeOf(Type.OBJECT));
        Type all = Type.BOTTOM;
        for (Type single : SINGLE_BITS) {
            all = all.union(single);
        }
        assertEquals(Type.TOP, all, "the single bits cover Top");
        assertEquals(Type.NONE.union(Type.BOOL), Type.IMMORTAL);
    }

    @Test
    void documentedExamples() {
        assertEquals(Type.BOOL, Type.OBJECT.intersect(Type.BOOL));
        assertTrue(Type.BOOL.isSubtypeOf(Type.OBJECT));
        assertFalse(Type.OBJECT.isSubtypeOf(Type.INT));
        assertFalse(Type.INT.isSubtypeOf(Type.FLOAT));
        assertTrue(Type.BOTTOM.isBottom());
        assertFalse(Type.NULL.isBottom());
        assertTrue(Type.INT.intersect(Type.STR).isBottom());
    }

    @Test
    void toStringNamesTheBitsInOrder() {
        assertEquals("Int|Float", Type.INT.union(Type.FLOAT).toString());
        assertEquals("Int|Float", Type.FLOAT.union(Type.INT).toString());
        assertEquals("Object", Type.OBJECT.toString());
        assertEquals("Top", Type.TOP.toString());
        assertEquals("Bottom", Type.BOTTOM.toString());
        assertEquals("None|Bool", Type.IMMORTAL.toString());
        assertEquals("Int|Null", Type.INT.union(Type.NULL).toString());
        assertEquals("Str|List|Dict", Type.DICT.union(Type.STR).union(Type.LIST).toString());
        List<String> names = SINGLE_BITS.stream().map(Type::toString).toList();
        assertEquals(List.of("None", "Bool", "Int", "Float", "Str", "Tuple", "List", "Dict", "OtherObject", "Null"), names);
        // Object minus one bit is spelled out
        assertEquals("None|Bool|Int|Float|Str|Tuple|List|Dict", new Type(Type.OBJECT.bits() & ~Type.OTHER_OBJECT.bits()).toString());
    }

    @Test
    void toStringIsInjectiveOnTheSample() {
        for (Type a : SAMPLE) {
            for (Type b : SAMPLE) {
                assertEquals(a.equals(b), a.toString().equals(b.toString()), a + " vs " + b);
            }
        }
    }

    @Test
    void cdoubleIsNeitherAnObjectNorRefcounted() {
        assertFalse(Type.CDOUBLE.isBottom());
        assertFalse(Type.CDOUBLE.isSubtypeOf(Type.OBJECT), "an unboxed double is not a Python object");
        assertTrue(Type.CDOUBLE.intersect(Type.OBJECT).isBottom());
        assertFalse(Type.CDOUBLE.isSubtypeOf(Type.TOP), "Top is every object or NULL, not a raw double");
        assertFalse(Type.CDOUBLE.isRefcounted(), "there is no reference to count");
        assertFalse(Type.CDOUBLE.maybeNull());
        assertTrue(Type.CDOUBLE.union(Type.FLOAT).isRefcounted(), "a value that may be a float object is counted");
        assertFalse(Type.CDOUBLE.union(Type.NONE).isRefcounted(), "immortal or unboxed: nothing to count");
        for (Type single : SINGLE_BITS) {
            assertTrue(single.intersect(Type.CDOUBLE).isBottom(), single::toString);
        }
        assertEquals("CDouble", Type.CDOUBLE.toString());
        assertEquals("Float|CDouble", Type.FLOAT.union(Type.CDOUBLE).toString());
    }

    @Test
    void exactTypesAndTheirCodes() {
        assertTrue(Type.FLOAT.isExact());
        assertEquals(3, Type.FLOAT.exactCode());
        assertTrue(Type.INT.isExact());
        assertEquals(2, Type.INT.exactCode());
        List<Type> exact = List.of(Type.NONE, Type.BOOL, Type.INT, Type.FLOAT, Type.STR, Type.TUPLE, Type.LIST, Type.DICT);
        for (int code = 0; code < exact.size(); code++) {
            assertTrue(exact.get(code).isExact(), exact.get(code)::toString);
            assertEquals(code, exact.get(code).exactCode(), exact.get(code)::toString);
            assertTrue(exact.get(code).isSubtypeOf(Type.EXACT));
        }
        for (Type inexact : List.of(Type.OTHER_OBJECT, Type.OBJECT, Type.TOP, Type.BOTTOM, Type.NULL, Type.CDOUBLE,
                Type.INT.union(Type.FLOAT), Type.IMMORTAL, Type.FLOAT.union(Type.NULL), Type.FLOAT.union(Type.CDOUBLE), Type.EXACT)) {
            assertFalse(inexact.isExact(), inexact::toString);
            assertThrows(IllegalStateException.class, inexact::exactCode, inexact::toString);
            if (!inexact.equals(Type.OBJECT)) {
                assertNull(inexact.pythonName(), inexact::toString);
            }
        }
        assertFalse(Type.OTHER_OBJECT.isSubtypeOf(Type.EXACT));
        assertEquals(Type.OBJECT, Type.EXACT.union(Type.OTHER_OBJECT));
    }

    @Test
    void pythonNamesRoundTrip() {
        List<String> names = List.of("None", "bool", "int", "float", "str", "tuple", "list", "dict");
        List<Type> types = List.of(Type.NONE, Type.BOOL, Type.INT, Type.FLOAT, Type.STR, Type.TUPLE, Type.LIST, Type.DICT);
        for (int i = 0; i < names.size(); i++) {
            assertEquals(types.get(i), Type.ofPythonName(names.get(i)), names.get(i));
            assertEquals(names.get(i), types.get(i).pythonName(), types.get(i)::toString);
            assertEquals(names.get(i), Type.ofPythonName(names.get(i)).pythonName());
        }
        assertEquals(Type.OBJECT, Type.ofPythonName("object"));
        assertEquals("object", Type.OBJECT.pythonName(), "no assumption on the argument");
        for (String unknown : List.of("complex", "Float", "NoneType", "", "Object", "CDouble", "bytes")) {
            assertNull(Type.ofPythonName(unknown), unknown);
        }
    }
}
