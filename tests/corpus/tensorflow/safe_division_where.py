# gradrepl-corpus: target=scores cause=where_nan line=10 symptom=grad_nan
import tensorflow as tf

scores = tf.Variable([[1.0, 2.0, 0.5], [0.3, 0.7, 1.1]])
mask = tf.constant([[1.0, 1.0, 0.0], [0.0, 0.0, 0.0]])

with tf.GradientTape() as tape:
    total = tf.reduce_sum(scores * mask, axis=1)
    count = tf.reduce_sum(mask, axis=1)
    mean = tf.where(count > 0, total / count, 0.0)
    loss = tf.reduce_sum(mean)
print(tape.gradient(loss, scores))
