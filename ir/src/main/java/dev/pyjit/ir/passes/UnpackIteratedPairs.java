package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Terminator.Condition;
import dev.pyjit.ir.Terminator.Edge;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code for x, y in zip(xs, ys)} and {@code for i, x in enumerate(xs)}: where the interpreter left
 * the loop's FOR_ITER unspecialised ({@link CacheHint#FOR_ITER_INERT}), the iterator comes from
 * such a call, and the loop body starts by unpacking the item into two, the
 * FOR_ITER and the unpacking become one step: a zip's two items go from its iterators straight
 * into the body ({@link Instr.ForIterPair}, {@link Instr.PairSecond}), an enumerate's item too and
 * its index as a number ({@link Instr.ForIterEnumerated}, {@link Instr.EnumerateIndex}). The tuple
 * zip and enumerate fill for each pair, and the references it takes to its items and gives back a
 * round later, are never made; the guard at the FOR_ITER checks that the iterator is a zip of two
 * or an enumerate, so the unpacking cannot fail. Iterators whose items run Python code give them
 * with the frame exact, as a plain FOR_ITER's do.
 */
public final class UnpackIteratedPairs implements Pass {
    @Override
    public String name() {
        return "unpack-iterated-pairs";
    }

    @Override
    public void run(Function function) {
        Map<Value, Instr> definitions = null;
        for (ForLoop loop : ForLoop.find(function, CacheHint.FOR_ITER_INERT)) {
            List<Value> arguments = loop.branch().ifFalse().arguments();
            int itemAt = arguments.size() - 1;
            if (itemAt < 0 || arguments.indexOf(loop.next().result()) != itemAt
                    || loop.branch().ifTrue().arguments().contains(loop.next().result())) {
                continue;
            }
            Unpacking unpacking = unpacking(loop.body(), loop.body().parameters().get(itemAt));
            if (unpacking == null) {
                continue;
            }
            // the values the loops' iterators come from, found once (the fusions add none of them)
            definitions = definitions != null ? definitions : Uses.definitions(function);
            String maker = builtinThatMade(function, definitions, loop.header(), loop.next().iterator());
            int iteratorAt = arguments.indexOf(loop.next().iterator());
            if (maker == null || maker.equals("enumerate") && iteratorAt < 0 || usedElsewhere(function, unpacking)) {
                continue;
            }
            Value item = loop.body().parameters().get(itemAt);
            loop.body().instructions().subList(0, unpacking.instructions().size()).clear();
            item.setType(Type.OBJECT);
            if (maker.equals("zip")) {
                zipped(function, loop.header(), loop.next(), loop.branch(), item, unpacking);
            } else {
                enumerated(function, loop.header(), loop.next(), loop.body(), loop.body().parameters().get(iteratorAt), unpacking);
            }
        }
    }

    /** The unpacking at the start of the body: its instructions, the tuple as each names it, the items in order. */
    private record Unpacking(List<Instr> instructions, Set<Value> tuples, Value first, Value second) {}

    /** A zip's pair: its first item where the tuple was, its second a new parameter of the body. */
    private static void zipped(Function function, Block header, Instr.ForIter next, Terminator.Branch branch, Value item, Unpacking unpacking) {
        List<Value> arguments = branch.ifFalse().arguments();
        Block body = branch.ifFalse().target();
        Value second = function.addParameter(body, Type.OBJECT);
        function.replaceUses(Map.of(unpacking.first(), item, unpacking.second(), second));

        Value secondInHeader = function.newValue(Type.TOP);
        List<Instr> instructions = header.instructions();
        instructions.set(instructions.size() - 1, new Instr.ForIterPair(next.result(), next.iterator(), next.state(), next.resume(), next.next()));
        instructions.add(new Instr.PairSecond(secondInHeader, next.result()));
        List<Value> carried = new ArrayList<>(arguments);
        carried.add(secondInHeader);
        header.setTerminator(new Terminator.Branch(Condition.IS_NULL, branch.operand(), branch.ifTrue(), new Edge(body, carried)));
    }

    /**
     * An enumerate's index is a number: the item alone comes out of the FOR_ITER, and the body boxes
     * the index it reads off the enumerate, which EliminateBoxing and IndexWithMachineInts then keep
     * unboxed where the body only counts and indexes with it (the interpreter allocates an int for
     * each index past 256). A failed box is an error of the FOR_ITER, the item released.
     */
    private static void enumerated(Function function, Block header, Instr.ForIter next, Block body, Value iterator, Unpacking unpacking) {
        List<Instr> instructions = header.instructions();
        instructions.set(instructions.size() - 1, new Instr.ForIterEnumerated(next.result(), next.iterator(), next.state(), next.resume(), next.next()));
        Map<Value, Value> inBody = new HashMap<>();
        List<Value> arguments = ((Terminator.Branch) header.terminator()).ifFalse().arguments();
        for (int i = 0; i < arguments.size(); i++) {
            inBody.put(arguments.get(i), body.parameters().get(i));
        }
        Value item = inBody.get(next.result());
        Value index = function.newValue(Type.CINT64);
        Value boxed = function.newValue(Type.INT);
        List<Value> owned = new ArrayList<>(next.state().owned());
        owned.add(next.result());
        FrameState state = new FrameState(next.state().offset(), owned, next.state().handler(), next.state().locals(), next.state().borrowed());
        body.instructions().add(0, new Instr.EnumerateIndex(index, iterator));
        body.instructions().add(1, new Instr.BoxInt(boxed, index, state).mapOperands(value -> inBody.getOrDefault(value, value)));
        function.replaceUses(Map.of(unpacking.first(), boxed, unpacking.second(), item));
    }

    /**
     * "zip" where the loop iterates over what {@code zip(a, b)} returned, "enumerate" for
     * {@code enumerate(...)}, the builtins unless the interpreter found a module's global of that
     * name; else null (a dict's items, say, whose pairs stay tuples). The iterator is the one value
     * made outside the loop that enters its header (the others carry it round, or bring it to an
     * on-stack replacement). A guess only, which decides how the FOR_ITER is compiled; its guard
     * checks the iterator at each turn.
     */
    private static String builtinThatMade(Function function, Map<Value, Instr> definitions, Block header, Value iterator) {
        int at = header.parameters().indexOf(iterator);
        if (at < 0) {
            return null;
        }
        List<Value> entering = new ArrayList<>();
        for (Block block : function.blocks()) {
            for (Edge edge : block.terminator().edges()) {
                if (edge.target() == header) {
                    entering.add(edge.arguments().get(at));
                }
            }
        }
        // an on-stack replacement's frame brings the iterator its loop made before
        entering.removeIf(value -> !definitions.containsKey(value) || definitions.get(value) instanceof Instr.ResumedStackItem);
        if (entering.size() != 1) {
            return null;
        }
        // a comprehension takes iter() of the iterable and its loop iter() of that again
        Value made = entering.get(0);
        while (definitions.get(made) instanceof Instr.Unary iter && iter.op() == Op.GET_ITER) {
            made = iter.operand();
        }
        if (made != entering.get(0) && definitions.get(made) instanceof Instr.Call call && call.kwnamesConstant() < 0
                && call.selfOrNull().type().equals(Type.NULL)
                && definitions.get(call.callable()) instanceof Instr.LoadGlobal global && global.hint() != CacheHint.GLOBAL_MODULE) {
            String name = function.name(global.nameIndex());
            int arguments = call.arguments().size();
            return name.equals("zip") && arguments == 2 || name.equals("enumerate") && (arguments == 1 || arguments == 2) ? name : null;
        }
        return null;
    }

    /**
     * The instructions the frontend makes of UNPACK_SEQUENCE 2 on the item (with the type guard of
     * its specialisation, if the interpreter had one): the tuple's items taken, the tuple released.
     */
    private static Unpacking unpacking(Block body, Value item) {
        List<Instr> start = body.instructions();
        int at = 0;
        Value tuple = item;
        if (!start.isEmpty() && start.get(0) instanceof Instr.GuardType guard && guard.value().equals(item) && guard.type().equals(Type.TUPLE)) {
            tuple = guard.result();
            at = 1;
        }
        if (start.size() < at + 5 || !(start.get(at) instanceof Instr.UnpackSequence unpack) || !unpack.sequence().equals(tuple)
                || unpack.count() != 2 || !isDecref(start.get(at + 1), tuple) || !isDecref(start.get(at + 4), unpack.result())) {
            return null;
        }
        Value[] items = new Value[2];
        for (Instr instruction : start.subList(at + 2, at + 4)) {
            if (!(instruction instanceof Instr.TupleItem taken) || !taken.tuple().equals(unpack.result()) || items[taken.index()] != null) {
                return null;
            }
            items[taken.index()] = taken.result();
        }
        return new Unpacking(List.copyOf(start.subList(0, at + 5)), Set.copyOf(List.of(item, tuple, unpack.result())), items[0],
                items[1]);
    }

    private static boolean isDecref(Instr instruction, Value value) {
        return instruction instanceof Instr.Refcount refcount && refcount.op() == Op.DECREF && refcount.value().equals(value);
    }

    /** Whether anything but the unpacking itself (its operands, states, edges) names the item, the tuple or the unpacked tuple. */
    private static boolean usedElsewhere(Function function, Unpacking unpacking) {
        Set<Value> tuples = unpacking.tuples();
        Set<Instr> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(unpacking.instructions());
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (!own.contains(instruction) && Uses.names(instruction, tuples)) {
                    return true;
                }
            }
            if (block.terminator().operands().stream().anyMatch(tuples::contains)) {
                return true;
            }
        }
        return false;
    }

}
