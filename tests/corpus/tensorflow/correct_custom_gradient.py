# gradrepl-corpus: target=w cause=none
import tensorflow as tf
w = tf.Variable([0.5, 2.0])


@tf.custom_gradient
def clip_grad(t):
    def grad(dy):
        return tf.clip_by_value(dy, -1.0, 1.0)
    return tf.identity(t), grad


with tf.GradientTape() as tape2:
    out = tf.reduce_sum(clip_grad(w * 3.0))
print(tape2.gradient(out, w))
