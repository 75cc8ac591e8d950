package theta.diagnose;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The sets of mistakes a column can hold: none, or at most one per {@link Mistake.Slot} (a
 * whole-cost mistake alone), each applicable to the problem; fewest mistakes first.
 */
final class Combinations {
    private Combinations() {}

    static List<List<Mistake>> of(DiagnosisProblem problem, Mistake[] catalogue) {
        Map<Mistake.Slot, List<Mistake>> bySlot = new EnumMap<>(Mistake.Slot.class);
        for (Mistake mk : catalogue) {
            if (mk.appliesTo(problem)) {
                bySlot.computeIfAbsent(mk.slot(), s -> new ArrayList<>()).add(mk);
            }
        }
        List<List<Mistake>> combos = new ArrayList<>();
        combos.add(List.of());
        for (Map.Entry<Mistake.Slot, List<Mistake>> e : bySlot.entrySet()) {
            if (e.getKey() == Mistake.Slot.WHOLE_COST) {
                continue;
            }
            List<List<Mistake>> next = new ArrayList<>(combos);
            for (List<Mistake> c : combos) {
                for (Mistake mk : e.getValue()) {
                    List<Mistake> with = new ArrayList<>(c);
                    with.add(mk);
                    next.add(with);
                }
            }
            combos = next;
        }
        for (Mistake whole : bySlot.getOrDefault(Mistake.Slot.WHOLE_COST, List.of())) {
            combos.add(List.of(whole));
        }
        combos.sort(java.util.Comparator.comparingInt(List::size));
        return combos;
    }
}
