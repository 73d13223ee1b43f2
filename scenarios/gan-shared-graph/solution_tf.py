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

# one tape per gradient: a tape gives one set of gradients, then releases its record
with tf.GradientTape() as d_tape, tf.GradientTape() as g_tape:
    fake = G(tf.random.normal([64, 2]))
    d_loss = bce(ones, D(real)) + bce(zeros, D(fake))
    g_loss = bce(ones, D(fake))
d_grads = d_tape.gradient(d_loss, D.trainable_variables)
g_grads = g_tape.gradient(g_loss, G.trainable_variables)
opt_d.apply_gradients(zip(d_grads, D.trainable_variables))
opt_g.apply_gradients(zip(g_grads, G.trainable_variables))
print(f"d_loss {float(d_loss):.3f}  g_loss {float(g_loss):.3f}")
