"""One training step of a tiny GAN on 2-D points."""
import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
G = keras.Sequential([keras.Input((2,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(2)])
D = keras.Sequential([keras.Input((2,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
opt_g, opt_d = keras.optimizers.Adam(1e-3), keras.optimizers.Adam(1e-3)
bce = keras.losses.BinaryCrossentropy(from_logits=True)
real = tf.random.normal([64, 2]) * 0.5 + 2.0
ones, zeros = tf.ones([64, 1]), tf.zeros([64, 1])
noise = tf.random.normal([64, 2])

with tf.GradientTape() as tape:
    d_loss = bce(ones, D(real)) + bce(zeros, D(G(noise)))
grads = tape.gradient(d_loss, D.trainable_variables)
opt_d.apply_gradients(zip(grads, D.trainable_variables))

with tf.GradientTape() as tape:
    g_loss = bce(ones, D(G(noise)))
# the generator step differentiates and updates the generator's own variables
grads = tape.gradient(g_loss, G.trainable_variables)
opt_g.apply_gradients(zip(grads, G.trainable_variables))
print(f"d_loss {float(d_loss):.3f}  g_loss {float(g_loss):.3f}")
