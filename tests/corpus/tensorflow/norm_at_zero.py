# gradrepl-corpus: target=offset cause=nan_at_singularity line=9 symptom=grad_nan
import tensorflow as tf

points = tf.constant([[1.0, 2.0], [1.0, 2.0], [3.0, 0.0]])
offset = tf.Variable([0.0, 0.0])

with tf.GradientTape() as tape:
    diff = points[0] - points[1] + offset
    dist = tf.norm(diff)
    loss = dist + tf.reduce_sum(offset ** 2)
print(tape.gradient(loss, offset))
