#!/usr/bin/python3
"""Writes the small NumPy files the theta.io tests read (src/test/resources/reference/io/).

Run from the repository root:  /usr/bin/python3 src/test/resources/reference/make_io_fixtures.py
Written with numpy 1.24. The values are simple formulas so the tests can state them exactly:
  m34[i, j]      = 10*i + j + 0.5            (3x4)
  Theta1[i, j]   = (i + 1) * 0.25 - j / 8    (2x3: hidden=2, inputs=2, bias in column 0)
  Theta2[i, j]   = -(i + 1) + j * 0.125      (2x3: outputs=2, hidden=2, bias in column 0)
"""
import os
import numpy as np

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "io")


def grid(rows, cols, f):
    return np.array([[f(i, j) for j in range(cols)] for i in range(rows)], dtype=np.float64)


def main():
    os.makedirs(HERE, exist_ok=True)
    m34 = grid(3, 4, lambda i, j: 10 * i + j + 0.5)
    theta1 = grid(2, 3, lambda i, j: (i + 1) * 0.25 - j / 8)
    theta2 = grid(2, 3, lambda i, j: -(i + 1) + j * 0.125)
    out = lambda name: os.path.join(HERE, name)

    np.save(out("m34_f8_c.npy"), m34)
    np.save(out("m34_f8_fortran.npy"), np.asfortranarray(m34))
    np.save(out("m34_f8_big.npy"), m34.astype(">f8"))
    np.save(out("m34_f4.npy"), m34.astype(np.float32))
    np.save(out("m34_i8.npy"), (m34 - 0.5).astype(np.int64))
    np.save(out("m34_u1.npy"), (m34 - 0.5).astype(np.uint8))
    np.save(out("m34_b1.npy"), (m34 - 0.5).astype(np.int64) % 2 == 1)
    np.save(out("m34_i4_big.npy"), (m34 - 0.5).astype(">i4") - 7)
    np.save(out("cube_i2_fortran.npy"), np.asfortranarray(np.arange(24, dtype=np.int16).reshape(2, 3, 4) - 5))
    np.save(out("scalar_f8.npy"), np.float64(-2.75))
    np.save(out("special_f8.npy"), np.array([np.inf, -np.inf, np.nan, -0.0, 5e-324, 1.7976931348623157e308]))
    for version in [(2, 0), (3, 0)]:
        with open(out("m34_f8_v%d.npy" % version[0]), "wb") as f:
            np.lib.format.write_array(f, m34, version=version)
    np.save(out("bad_object.npy"), np.array([1, "a"], dtype=object), allow_pickle=True)
    np.save(out("bad_complex.npy"), np.array([1 + 2j, 3 - 4j]))
    np.savez(out("thetas_stored.npz"), Theta1=theta1, Theta2=theta2)
    np.savez_compressed(out("thetas_deflated.npz"), Theta1=theta1, Theta2=theta2)


if __name__ == "__main__":
    main()
