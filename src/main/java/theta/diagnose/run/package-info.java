/**
 * Running a learner's own code: {@link theta.diagnose.run.Interpreter} is a bridge to GNU Octave
 * ({@link theta.diagnose.run.OctaveInterpreter}) or Python with NumPy
 * ({@link theta.diagnose.run.PythonInterpreter}). A batch of jobs is one child process: theta writes
 * each problem in the interpreter's own file format (Octave text, .npz), a driver script calls the
 * user's function, and the results (J, grad, the numerical gradient of their J, or their
 * activation on a grid) come back as files; a timeout kills the whole process tree, and a failure
 * is one line with the user's own error message. {@link theta.diagnose.run.ActivationAudit} says
 * how a user's activation derivative differs from theta's. Nothing here prints.
 */
package theta.diagnose.run;
