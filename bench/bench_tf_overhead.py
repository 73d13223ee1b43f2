"""Measures what the TF recorder costs: the same scripts with and without recording.

Each script runs in this process (TensorFlow loaded once): plain ``exec``, then
inside ``TFBackend.recording()`` (op callback, fast-path reads in Python,
wrappers), then ``inspect``. Prints medians in ms and the ratio recorded/plain,
measured side by side in one run.

    python bench/bench_tf_overhead.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

SCRIPTS = {
    "tape, 3 ops": """
import tensorflow as tf
w = tf.Variable([1.0, 2.0])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.tanh(w) * 3.0)
g = tape.gradient(loss, w)
""",
    "keras MLP, 20 steps": """
import tensorflow as tf
model = tf.keras.Sequential([tf.keras.Input((16,)), tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.Adam(1e-3)
x = tf.random.normal((64, 16)); y = tf.random.normal((64, 1))
for _ in range(20):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((model(x, training=True) - y) ** 2)
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
""",
    "keras fit, 8 batches": """
import numpy as np, tensorflow as tf
model = tf.keras.Sequential([tf.keras.Input((16,)), tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(128, 16).astype("float32"); y = np.random.rand(128, 1).astype("float32")
model.fit(x, y, batch_size=16, epochs=1, verbose=0)
""",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from gradrepl.backends.tf import TFBackend
    from gradrepl.core.report import RunReport
    from gradrepl.core.request import RunRequest

    backend = TFBackend()
    backend.load()
    print(f"{'script':24} {'plain ms':>9} {'recorded':>9} {'inspect':>8} {'ratio':>6}")
    for name, code in SCRIPTS.items():
        plain, recorded, inspect = [], [], []
        for _ in range(args.repeat):
            plain.append(_timed(lambda: exec(compile(code, "bench.py", "exec"), {})))
            backend.reset()
            ns: dict[str, Any] = {}
            start = time.perf_counter()
            with backend.recording("bench.py") as rec:
                exec(compile(code, "bench.py", "exec"), ns)
            recorded.append((time.perf_counter() - start) * 1000)
            report = RunReport(framework="tensorflow", outcome="completed")
            inspect.append(_timed(lambda: backend.inspect(ns, rec, RunRequest(code=code, filename="bench.py"), report)))
            backend.reset()
        p, r, i = (statistics.median(v) for v in (plain, recorded, inspect))
        print(f"{name:24} {p:9.1f} {r:9.1f} {i:8.1f} {r / p:6.2f}")


def _timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


if __name__ == "__main__":
    main()
