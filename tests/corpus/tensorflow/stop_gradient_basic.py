# gradrepl-corpus: target=w cause=stop_gradient line=9 symptom=grad_none
import tensorflow as tf

w = tf.Variable([[0.5, -0.2], [0.1, 0.3]])
x = tf.constant([[1.0, 2.0]])

with tf.GradientTape() as tape:
    h = tf.matmul(x, w)
    h = tf.stop_gradient(h)  # meant to freeze only the target network
    loss = tf.reduce_sum(h ** 2)

grads = tape.gradient(loss, w)
print(grads)
