# gradrepl-corpus: target=w cause=numpy_roundtrip line=9 symptom=grad_none
import keras
import tensorflow as tf

w = tf.Variable([0.5, 2.0])
x = tf.random.normal((4, 2))
with tf.GradientTape() as tape:
    z = tf.linalg.matvec(x, w)
    z_np = keras.ops.convert_to_numpy(z)
    loss = tf.reduce_sum(tf.constant(z_np) ** 2)
print(tape.gradient(loss, w))
