# gradrepl-corpus: target=x cause=int_dtype line=4 symptom=grad_none
import tensorflow as tf

x = tf.constant([[1, 2], [3, 4]])
w = tf.Variable([[0.5], [0.25]])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.matmul(tf.cast(x, tf.float32), w)
print(tape.gradient(y, x))
