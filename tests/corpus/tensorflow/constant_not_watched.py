# gradrepl-corpus: target=x cause=constant_not_watched line=4 symptom=grad_none
import tensorflow as tf

x = tf.constant([1.0, 2.0, 3.0])

with tf.GradientTape() as tape:
    y = tf.reduce_sum(tf.sin(x) * x)

dy_dx = tape.gradient(y, x)
print("dy/dx:", dy_dx)
