/**
 * Array files for moving weights and data between theta, NumPy and Octave: {@link theta.io.Npy}
 * (.npy), {@link theta.io.Npz} (.npz), {@link theta.io.OctaveText} ({@code save -text}), and
 * {@link theta.io.ArrayFiles}, which picks the format. Arrays are {@link theta.io.NdArray} values,
 * row-major whatever the file's order, grouped by name in {@link theta.io.NamedArrays}. Every
 * write goes to a temporary file that is renamed into place; every fault in a file is one
 * {@link theta.InputException} line naming the file. {@link theta.io.ProcessGroup} runs an outside
 * program (a download, an interpreter) so that stopping it ends everything it started.
 */
package theta.io;
