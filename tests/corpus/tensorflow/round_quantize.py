# gradrepl-corpus: target=scale cause=non_differentiable_op line=9 symptom=grad_none
import tensorflow as tf

scale = tf.Variable(0.7)
x = tf.linspace(-1.0, 1.0, 11)

with tf.GradientTape() as tape:
    scaled = x / scale
    q = tf.round(scaled)
    loss = tf.reduce_mean((q * 0.1 - x) ** 2)
print(tape.gradient(loss, scale))
