# gradrepl-corpus: target=w cause=int_dtype line=10 symptom=grad_none
import tensorflow as tf

w = tf.Variable(tf.random.normal((5, 1)))
x = tf.random.normal((20, 5)) * 10.0
counts = tf.constant(tf.random.uniform((20, 1), 0, 10, dtype=tf.int32))

with tf.GradientTape() as tape:
    pred = tf.matmul(x, w)
    pred_counts = tf.cast(pred, tf.int32)
    err = tf.cast(pred_counts - counts, tf.float32)
    loss = tf.reduce_mean(err ** 2)
print(tape.gradient(loss, w))
