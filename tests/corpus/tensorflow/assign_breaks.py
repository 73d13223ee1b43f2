# gradrepl-corpus: target=w cause=assign_breaks line=9 symptom=grad_none
import tensorflow as tf

w = tf.Variable([1.0, 2.0])
hidden = tf.Variable([0.0, 0.0])
x = tf.constant([3.0, 4.0])

with tf.GradientTape() as tape:
    hidden.assign(w * x)
    loss = tf.reduce_sum(hidden ** 2)
print(tape.gradient(loss, w))
