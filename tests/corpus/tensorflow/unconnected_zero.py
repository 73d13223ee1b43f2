# gradrepl-corpus: target=b2 cause=unused_variable line=6 symptom=grad_zero
import tensorflow as tf

w = tf.Variable(tf.ones((2, 2)))
b1 = tf.Variable(tf.zeros((2,)))
b2 = tf.Variable(tf.zeros((2,)))
x = tf.random.normal((3, 2))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.matmul(x, w) + b1)
grads = tape.gradient(loss, [w, b1, b2], unconnected_gradients=tf.UnconnectedGradients.ZERO)
print([float(tf.reduce_sum(g)) for g in grads])
