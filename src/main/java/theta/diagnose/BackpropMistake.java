package theta.diagnose;

/**
 * A known mistake in a hand-written backprop: it changes the analytical (right) column. Either a
 * {@link WrongDerivative} in sigma2, or one of the {@link BackpropSlip}s.
 */
public sealed interface BackpropMistake extends Mistake permits WrongDerivative, BackpropSlip {
    @Override
    default Side side() {
        return Side.ANALYTICAL;
    }
}
