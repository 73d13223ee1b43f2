# gradrepl-corpus: target=bias cause=int_dtype line=5 symptom=grad_none
import numpy as np
import tensorflow as tf

bias = tf.Variable(np.array([1, 2, 3]))
x = tf.random.normal((4, 3))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum((x + tf.cast(bias, tf.float32)) ** 2)
print(tape.gradient(loss, bias))
