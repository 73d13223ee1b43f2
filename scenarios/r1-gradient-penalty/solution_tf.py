"""Lazy R1 regularisation of a GAN discriminator: penalise its slope at real data."""
import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
D = keras.Sequential([keras.Input((2,)), keras.layers.Dense(32), keras.layers.LeakyReLU(0.2), keras.layers.Dense(1)])
opt_d = keras.optimizers.Adam(1e-3)
gamma = 10.0

real = tf.random.normal([64, 2]) * 0.5 + 2.0
with tf.GradientTape() as outer:
    with tf.GradientTape() as inner:
        inner.watch(real)  # real data is a constant: the inner tape must watch it
        scores = D(real)
    slope = inner.gradient(scores, real)
    r1 = 0.5 * gamma * tf.reduce_mean(tf.reduce_sum(slope**2, axis=1))
grads = outer.gradient(r1, D.trainable_variables)
# the output bias does not change the slope, so R1 gives it no gradient: skip it
opt_d.apply_gradients([(g, v) for g, v in zip(grads, D.trainable_variables) if g is not None])
print("R1 penalty:", float(r1))
