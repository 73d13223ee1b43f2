# gradrepl-corpus: target=theta cause=assign_breaks line=10 symptom=grad_none
import tensorflow as tf

theta = tf.Variable([0.5, -0.5])
buffer = tf.Variable(tf.zeros((3, 2)))
x = tf.constant([1.0, 2.0])

with tf.GradientTape() as tape:
    for i in range(3):
        buffer[i].assign(theta * x * float(i + 1))
    loss = tf.reduce_sum(buffer ** 2)
print(tape.gradient(loss, theta))
