# gradrepl-corpus: target=w cause=numpy_roundtrip line=9 symptom=grad_none
import tensorflow as tf

w = tf.Variable([[1.0, -1.0], [0.5, 2.0]])
x = tf.random.normal((5, 2))
y = tf.random.normal((5, 2))

with tf.GradientTape() as tape:
    w_frozen = tf.constant(w)
    loss = tf.reduce_mean(tf.square(tf.matmul(x, w_frozen) - y))
print(tape.gradient(loss, w))
