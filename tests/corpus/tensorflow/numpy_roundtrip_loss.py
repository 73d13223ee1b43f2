# gradrepl-corpus: target=w cause=numpy_roundtrip line=10 symptom=grad_none
import numpy as np
import tensorflow as tf

w = tf.Variable(np.ones((3, 1), dtype=np.float32))
x = tf.constant(np.arange(6, dtype=np.float32).reshape(2, 3))

with tf.GradientTape() as tape:
    pred = tf.matmul(x, w)
    pred_np = pred.numpy()
    err = np.mean((pred_np - 1.0) ** 2)
    loss = tf.constant(err)

print(tape.gradient(loss, w))
