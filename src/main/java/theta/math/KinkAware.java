package theta.math;

/**
 * A function that can say which side of each kink its internals were on at the last evaluation
 * (for a network: the sign pattern of every hidden pre-activation relative to the activation's
 * kinks). When the state differs between theta+eps and theta-eps, a central difference straddles
 * a kink and says nothing about the derivative; the checker lists such entries apart.
 */
public interface KinkAware extends DifferentiableFunction {
    /** An equals-comparable description of the kink sides at the most recent {@link #value} call. */
    Object kinkState();
}
