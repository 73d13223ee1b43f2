# gradrepl-corpus: target=gains cause=int_dtype line=4 symptom=grad_none
import tensorflow as tf

gains = tf.Variable([1, 2, 3])
signal = tf.constant([0.5, 1.5, -1.0])

with tf.GradientTape() as tape:
    out = signal * tf.cast(gains, tf.float32)
    loss = tf.reduce_sum(out ** 2)
print(tape.gradient(loss, gains))
