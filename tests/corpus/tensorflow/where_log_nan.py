# gradrepl-corpus: target=x cause=where_nan line=8 symptom=grad_nan
import tensorflow as tf

x = tf.Variable([0.0, 1.0, 4.0])

with tf.GradientTape() as tape:
    # x*log(x) with the convention 0*log(0) = 0
    ent = tf.where(x > 0, x * tf.math.log(x), tf.zeros_like(x))
    loss = tf.reduce_sum(ent)
print(tape.gradient(loss, x))
