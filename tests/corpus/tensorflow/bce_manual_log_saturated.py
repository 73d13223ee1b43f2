# gradrepl-corpus: target=w cause=nan_at_singularity line=9 symptom=grad_nan
import tensorflow as tf

w = tf.Variable([[8.0], [9.0]])
x = tf.constant([[5.0, 4.0], [6.0, 5.0], [-4.0, -6.0]])
y = tf.constant([[1.0], [0.0], [0.0]])
with tf.GradientTape() as tape:
    p = tf.sigmoid(tf.matmul(x, w))
    bce = -tf.reduce_mean(y * tf.math.log(p) + (1.0 - y) * tf.math.log(1.0 - p))
g = tape.gradient(bce, w)
print(p.numpy().ravel(), g)
