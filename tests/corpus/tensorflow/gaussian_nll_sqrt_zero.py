# gradrepl-corpus: target=variance cause=nan_at_singularity line=9 symptom=grad_nan
import tensorflow as tf

mean = tf.Variable(0.0)
variance = tf.Variable(0.0)
samples = tf.constant([0.0, 0.0, 0.0])

with tf.GradientTape() as tape:
    std = tf.sqrt(variance)
    z = (samples - mean) / (std + 1e-3)
    nll = tf.reduce_mean(0.5 * z ** 2 + tf.math.log(std + 1e-3))
g_mean, g_var = tape.gradient(nll, [mean, variance])
print(g_mean, g_var)
