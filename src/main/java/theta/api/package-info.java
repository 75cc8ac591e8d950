/**
 * theta as a library, in a few calls: train a network (with a listener for progress), save and
 * load it, predict digits (one image, a batch, an image file), evaluate it on a labelled set, and
 * gradient-check any {@link theta.math.DifferentiableFunction}. {@link theta.api.Theta} is the
 * entry point; the packages below it ({@code train}, {@code eval}, {@code check}, {@code io},
 * {@code nn}) stay available for what the facade does not cover.
 */
package theta.api;
