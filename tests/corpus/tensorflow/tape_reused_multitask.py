# gradrepl-corpus: target=head_b cause=tape_reused line=16 symptom=error
import tensorflow as tf

shared = tf.Variable(tf.random.normal((4, 4)))
head_a = tf.Variable(tf.random.normal((4, 1)))
head_b = tf.Variable(tf.random.normal((4, 1)))
x = tf.random.normal((8, 4))

with tf.GradientTape() as tape:
    h = tf.nn.relu(tf.matmul(x, shared))
    loss_a = tf.reduce_mean(tf.matmul(h, head_a) ** 2)
    loss_b = tf.reduce_mean(tf.abs(tf.matmul(h, head_b)))

grads_a = tape.gradient(loss_a, [shared, head_a])
print("task a done")
grads_b = tape.gradient(loss_b, [shared, head_b])
