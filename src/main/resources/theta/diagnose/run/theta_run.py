"""Runs a user's NumPy code for theta's diagnose bridge.

cost(): loads the problem (params, X, y, lam and the layer sizes), evaluates the call with those
names in the namespace of the user's module, saves J and grad (value.npz), then the numerical
gradient of the user's J by central differences, one call per parameter (numgrad.npz).
activation(): evaluates the user's derivative (and activation) expressions in z on a grid.
Any error goes to error.txt as one line, with the place in the user's own file.
"""
import importlib.util
import os
import sys
import traceback

import numpy as np


def _module(source):
    if os.path.isdir(source):
        sys.path.insert(0, source)
        return {}
    folder = os.path.dirname(os.path.abspath(source))
    if folder not in sys.path:
        sys.path.insert(0, folder)
    name = os.path.splitext(os.path.basename(source))[0]
    spec = importlib.util.spec_from_file_location(name, source)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return dict(vars(mod))


def _report(jobdir, ex, source):
    where = ""
    user = os.path.dirname(os.path.abspath(source)) if source else None
    for frame in reversed(traceback.extract_tb(ex.__traceback__)):
        f = os.path.abspath(frame.filename)
        if user and f.startswith(user + os.sep) and not f.endswith("theta_run.py"):
            where = " (%s line %d)" % (os.path.basename(f), frame.lineno)
            break
    text = "%s: %s%s" % (type(ex).__name__, ex, where)
    with open(os.path.join(jobdir, "error.txt"), "w") as out:
        out.write(text + "\n")


def _pair(out, call):
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        kind = "%d values" % len(out) if isinstance(out, (tuple, list)) else "one value"
        raise TypeError("%s returned %s, expected two: (J, grad)" % (call, kind))
    return out


def cost(jobdir, source, function, call, e):
    try:
        data = np.load(os.path.join(jobdir, "problem.npz"))
        params = np.array(data["params"], dtype=float).reshape(-1)
        X = np.array(data["X"], dtype=float)
        y = np.array(data["y"]).reshape(-1).astype(np.int64)
        lam = float(data["lam"])
        sizes = [int(data[k]) for k in ("input_layer_size", "hidden_layer_size", "num_labels")]
        ns = _module(source)
        if call is None:
            if not callable(ns.get(function)):
                names = sorted(k for k, v in ns.items() if callable(v) and not k.startswith("_"))
                raise NameError("no function '%s' in %s (it defines: %s)"
                                % (function, os.path.basename(source), ", ".join(names) or "nothing callable"))
            call = function + "(params, X, y, lam)"
        code = compile(call, "<call>", "eval")

        def run(p):
            ns.update(params=p, nn_params=p, X=X.copy(), y=y.copy(), lam=lam, lambda_=lam,
                      input_layer_size=sizes[0], hidden_layer_size=sizes[1], num_labels=sizes[2])
            return _pair(eval(code, ns), call)

        J, grad = run(params.copy())
        J = np.asarray(J, dtype=float)
        grad = np.asarray(grad, dtype=float)
        np.savez(os.path.join(jobdir, "value.npz"), J=J, grad=grad)
        if J.size != 1 or grad.size != params.size:
            return
        numgrad = np.zeros(params.size)
        for i in range(params.size):
            p = params.copy()
            p[i] += e
            j1 = float(np.asarray(run(p)[0]).reshape(-1)[0])
            p[i] = params[i] - e
            j2 = float(np.asarray(run(p)[0]).reshape(-1)[0])
            numgrad[i] = (j1 - j2) / (2 * e)
        np.savez(os.path.join(jobdir, "numgrad.npz"), numgrad=numgrad)
    except BaseException as ex:  # their code may raise anything, SystemExit included
        _report(jobdir, ex, source)


def activation(jobdir, source, derivative, act, e):
    try:
        z = np.array(np.load(os.path.join(jobdir, "problem.npz"))["z"], dtype=float).reshape(-1)
        ns = _module(source) if source else {}
        ns.setdefault("np", np)
        d = np.asarray(eval(derivative, dict(ns, z=z.copy())), dtype=float)
        np.savez(os.path.join(jobdir, "derivative.npz"), d=d)
        if act:
            code = compile(act, "<activation>", "eval")
            a, ap, am = (np.asarray(eval(code, dict(ns, z=v)), dtype=float) for v in (z.copy(), z + e, z - e))
            np.savez(os.path.join(jobdir, "activation.npz"), a=a, ap=ap, am=am)
    except BaseException as ex:
        _report(jobdir, ex, source)
