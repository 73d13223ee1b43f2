# gradrepl-corpus: target=noise_scale cause=none
# gradrepl-corpus: target=w cause=none
import tensorflow as tf

w = tf.Variable(tf.random.normal((3, 1)))
noise_scale = tf.Variable(0.5, trainable=False)
x = tf.random.normal((8, 3))
y = tf.random.normal((8, 1))
eps = tf.random.normal((8, 1))
with tf.GradientTape() as tape:
    tape.watch(noise_scale)
    pred = tf.matmul(x, w) + noise_scale * eps
    loss = tf.reduce_mean(tf.square(pred - y))
g_w, g_scale = tape.gradient(loss, [w, noise_scale])
print(g_w.shape, float(g_scale))
