package theta.diagnose;

import java.util.List;

import theta.math.Spec;

/** The lambdas tried when none is given (the exercise's 0, 1 and 3) and how a lambda is written. */
public final class Lambdas {
    /** checkNNGradients is run with lambda 0 and 3 in the exercise, ex4 trains with 1. */
    public static final List<Double> EXERCISE = List.of(0.0, 1.0, 3.0);

    private Lambdas() {}

    /** 3 rather than 3.0; 0.5 as is. */
    public static String format(double lambda) {
        return Spec.format(lambda);
    }
}
