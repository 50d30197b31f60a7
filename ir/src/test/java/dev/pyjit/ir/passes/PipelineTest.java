package dev.pyjit.ir.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.StageClock;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineTest {

    @Test
    void eachPassIsChargedItsOwnTimeAndNoStageIs() {
        Function fn = new Function("f", 1, List.of("x"), List.of(), List.of());
        Block entry = fn.newBlock("entry");
        Value x = fn.newValue(Type.TOP);
        entry.add(new Instr.LoadLocal(x, 0));
        entry.setTerminator(new Terminator.Return(x));
        StageClock clock = new StageClock();

        Pipeline.run(fn, Pipeline.TYPING, clock);
        Pipeline.run(fn, Pipeline.OPTIMISATION, clock);

        // TypeInference runs in both lists: one entry, both runs' time
        List<String> expected = Pipeline.OPTIMISATION.stream().map(pass -> pass.getClass().getSimpleName()).distinct().toList();
        assertEquals("TypeInference", List.copyOf(clock.nanosByPass().keySet()).get(0));
        assertEquals(Set.copyOf(expected), clock.nanosByPass().keySet());
        assertTrue(clock.nanosByStage().isEmpty(), clock.nanosByStage()::toString);
    }
}
