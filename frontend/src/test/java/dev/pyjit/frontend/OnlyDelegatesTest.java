package dev.pyjit.frontend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which generators the JIT leaves to the interpreter because they only delegate: a {@code yield
 * from} and no loop of their own. A loop anywhere, a generator that does not delegate, a
 * coroutine's {@code await} and a plain function are compiled.
 */
class OnlyDelegatesTest {
    private static final String SOURCE = """
            class Tree:
                def __init__(self, left, value, right):
                    self.left, self.value, self.right = left, value, right

                def walk(self):
                    if self.left is not None:
                        yield from self.left.walk()
                    yield self.value
                    if self.right is not None:
                        yield from self.right.walk()

            def chained(a, b):
                yield from a
                yield from b

            def flattened(lists):
                for items in lists:
                    yield from items

            def countdown(n):
                while n:
                    yield n
                    n -= 1
                yield from ()

            def plain(n):
                yield n
                yield n + 1

            async def awaiting(other):
                return await other

            def function(items):
                return [x for x in items]

            walk = Tree.walk
            """;

    @BeforeAll
    static void startPython() {
        EmbeddedPython.initialise();
    }

    @Test
    void generatorsWithoutLoopsThatDelegateOnly() {
        assertTrue(IrBuilder.onlyDelegates(EmbeddedPython.compile(SOURCE, "walk")));
        assertTrue(IrBuilder.onlyDelegates(EmbeddedPython.compile(SOURCE, "chained")));
    }

    @Test
    void loopsAndOtherCodeAreCompiled() {
        assertFalse(IrBuilder.onlyDelegates(EmbeddedPython.compile(SOURCE, "flattened")));
        assertFalse(IrBuilder.onlyDelegates(EmbeddedPython.compile(SOURCE, "countdown")));
        assertFalse(IrBuilder.onlyDelegates(EmbeddedPython.compile(SOURCE, "plain")));
        assertFalse(IrBuilder.onlyDelegates(EmbeddedPython.compile(SOURCE, "awaiting")));
        assertFalse(IrBuilder.onlyDelegates(EmbeddedPython.compile(SOURCE, "function")));
    }
}
