# gradrepl-corpus: target=w cause=outside_tape line=15 symptom=grad_none
import tensorflow as tf

w = tf.Variable([[0.1], [0.2], [0.3]])
x = tf.random.normal((12, 3))
y = tf.random.normal((12, 1))


def loss_fn():
    return tf.reduce_mean(tf.square(tf.matmul(x, w) - y))


with tf.GradientTape() as tape:
    tape.watch(w)
grad = tape.gradient(loss_fn(), w)
print(grad)
