package theta.web;

import java.util.Map;
import java.util.function.Function;

/** Predictors for tests: ten classes, no description, the answer given by a function. */
public final class TestPredictors {
    private TestPredictors() {}

    /** A ten-class predictor whose probabilities are {@code answer}'s, with an empty description. */
    public static Predictor tenClasses(Function<float[], double[]> answer) {
        return new Predictor() {
            @Override
            public double[] probabilities(float[] image784) {
                return answer.apply(image784);
            }

            @Override
            public int classes() {
                return 10;
            }

            @Override
            public Map<String, String> describe() {
                return Map.of();
            }
        };
    }
}
