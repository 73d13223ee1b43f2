# gradrepl-corpus: target=w cause=non_differentiable_op line=9 symptom=grad_zero
import tensorflow as tf

w = tf.Variable([0.5, -0.25, 1.0])
x = tf.random.normal((10, 3))
y = tf.random.normal((10,))

with tf.GradientTape() as tape:
    margin = tf.sign(tf.linalg.matvec(x, w) - y)
    loss = tf.reduce_mean(margin * y)
print(tape.gradient(loss, w))
