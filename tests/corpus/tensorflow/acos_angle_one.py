# gradrepl-corpus: target=v cause=nan_at_singularity line=8 symptom=grad_nan
import tensorflow as tf

u = tf.constant([1.0, 0.0, 0.0])
v = tf.Variable([2.0, 0.0, 0.0])
with tf.GradientTape() as tape:
    cos = tf.reduce_sum(u * v) / (tf.norm(u) * tf.norm(v))
    angle = tf.acos(cos)
print(tape.gradient(angle, v))
