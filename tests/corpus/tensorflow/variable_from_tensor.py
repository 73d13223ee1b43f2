# gradrepl-corpus: target=w cause=assign_breaks line=9 symptom=grad_none
import tensorflow as tf

w = tf.Variable(tf.random.normal((3, 2)))
x = tf.random.normal((4, 3))

with tf.GradientTape() as tape:
    h = tf.matmul(x, w)
    hidden = tf.Variable(tf.nn.relu(h))
    loss = tf.reduce_sum(hidden ** 2)
print(tape.gradient(loss, w))
