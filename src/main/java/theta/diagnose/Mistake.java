package theta.diagnose;

import java.util.List;

/**
 * One known mistake in a hand-written cost or backprop: a small value with a name, what it does,
 * and the Octave lines that fix it. Cost mistakes ({@link CostMistake}) change J, so they show in
 * the numerical (left) column; backprop mistakes ({@link BackpropMistake}) change the analytical
 * (right) column. A column may hold at most one mistake per {@link Slot}: the slots are the
 * independent places of the code where each can go wrong.
 */
public sealed interface Mistake permits CostMistake, BackpropMistake {
    /** Where in the code a mistake sits; two mistakes of one slot exclude each other. */
    enum Slot {
        /** Which cross-entropy the cost computes. */
        DATA_TERM,
        /** The data term's 1/m. */
        AVERAGING,
        /** The lambda/(2m) sum(theta^2) term. */
        PENALTY,
        /** A whole one-line cost that is wrong in several places at once. */
        WHOLE_COST,
        /** The hidden activation's derivative in sigma2. */
        DERIVATIVE,
        /** sigma3, the output layer's delta. */
        OUTPUT_DELTA,
        /** Removing sigma2's bias column. */
        HIDDEN_BIAS,
        /** The gradient's 1/m. */
        GRADIENT_AVERAGING,
        /** The gradient's (lambda/m) Theta term. */
        REGULARISATION
    }

    /** A short stable name, e.g. {@code penalty-subtracted}. */
    String id();

    /** What the code does, in one sentence. */
    String description();

    Side side();

    Slot slot();

    /** Whether this mistake means anything for the problem (e.g. softmax-only mistakes need a softmax output). */
    boolean appliesTo(DiagnosisProblem problem);

    /** The Octave lines that fix it, in the exercise's names (a1, z2, a2, h, Y, sigma2, sigma3, Theta1_grad...). */
    List<String> fix(DiagnosisProblem problem);
}
