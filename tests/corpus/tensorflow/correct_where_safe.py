# gradrepl-corpus: target=x cause=none
import tensorflow as tf

x = tf.Variable([0.0, 1.0, 4.0, -2.0])

with tf.GradientTape() as tape:
    safe_x = tf.where(x > 0, x, tf.ones_like(x))
    ent = tf.where(x > 0, safe_x * tf.math.log(safe_x), tf.zeros_like(x))
    loss = tf.reduce_sum(ent) + 0.1 * tf.reduce_sum(x ** 2)
print(tape.gradient(loss, x))
