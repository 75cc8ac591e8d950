package theta.train;

import theta.data.Dataset;
import theta.math.Vec;
import theta.nn.Network;
import theta.nn.Workspace;

/**
 * How the trainers score the parameters on the validation split after each epoch; the mini-batch
 * trainer keeps the epoch with the best accuracy and stops early by it. The trainers take this
 * function rather than measure for themselves so that {@code train} does not depend on
 * {@code eval}: {@code theta.api.Theta.validation()} is the one {@code theta train} uses (the
 * evaluator's loss and accuracy), and a caller may pass another.
 */
@FunctionalInterface
public interface Validation {
    /**
     * The score of {@code params} on {@code data}.
     *
     * @param net the network being trained
     * @param params its parameters, in the run's precision (not to be modified)
     * @param data the validation split
     * @param ws a workspace of {@code net} in that precision, for any number of batches
     */
    Score score(Network net, Vec params, Dataset data, Workspace ws);
}
