# gradrepl-corpus: target=w cause=python_value_roundtrip line=9 symptom=error
import tensorflow as tf

w = tf.Variable([0.3, -0.1])
x = tf.constant([[1.0, 2.0], [3.0, 4.0]])

with tf.GradientTape() as tape:
    residual = tf.linalg.matvec(x, w) - 1.0
    loss = float(tf.reduce_sum(residual ** 2))
print("loss", loss)
grad = tape.gradient(loss, w)
