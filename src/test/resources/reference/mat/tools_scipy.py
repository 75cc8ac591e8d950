"""MatToolsTest's SciPy side, run in the test's folder: checks theta's exported MAT-file bit for
bit against the hex dump theta wrote beside it, and writes weights and data with savemat."""
import numpy as np
import scipy.io as sio

with open("theta_export.hex") as f:
    want = {}
    for line in f:
        name, *bits = line.split()
        want[name] = [int(b, 16) for b in bits]
m = sio.loadmat("theta_export.mat")
for name, bits in want.items():
    got = m[name].astype(np.float64)
    assert m[name].dtype == np.float64, (name, m[name].dtype)
    assert got.flatten(order="F").view(np.uint64).tolist() == bits, name
with open("scipy_export.ok", "w") as f:
    f.write("ok\n")

rng = np.random.default_rng(7)
Theta1 = rng.uniform(-0.5, 0.5, (7, 17))
Theta2 = rng.uniform(-0.5, 0.5, (10, 8))
X = rng.uniform(0, 1, (40, 16))
y = (np.arange(40) % 10 + 1).astype(np.int32).reshape(40, 1)
sio.savemat("scipy_w.mat", {"Theta1": Theta1, "Theta2": Theta2}, do_compression=True)
sio.savemat("scipy_d.mat", {"X": X, "y": y}, do_compression=True)
sio.savemat("scipy_w_plain.mat", {"Theta1": Theta1, "Theta2": Theta2})
sio.savemat("scipy_d_plain.mat", {"X": X.astype(np.float32), "y": y.astype(np.uint8).ravel()},
            oned_as="row")
