# gradrepl-corpus: target=gen.trainable_variables cause=none
# gradrepl-corpus: target=disc.trainable_variables cause=none
import tensorflow as tf

noise_dim = 8
gen = tf.keras.Sequential([tf.keras.Input((noise_dim,)), tf.keras.layers.Dense(32), tf.keras.layers.LeakyReLU(0.2), tf.keras.layers.Dense(2)])
disc = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(32), tf.keras.layers.LeakyReLU(0.2), tf.keras.layers.Dense(1)])
g_opt = tf.keras.optimizers.Adam(2e-4, beta_1=0.5)
d_opt = tf.keras.optimizers.Adam(2e-4, beta_1=0.5)
bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)


@tf.function
def train_step(real):
    noise = tf.random.normal((tf.shape(real)[0], noise_dim))
    with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
        fake = gen(noise, training=True)
        real_out = disc(real, training=True)
        fake_out = disc(fake, training=True)
        g_loss = bce(tf.ones_like(fake_out), fake_out)
        d_loss = bce(tf.ones_like(real_out), real_out) + bce(tf.zeros_like(fake_out), fake_out)
    g_opt.apply_gradients(zip(g_tape.gradient(g_loss, gen.trainable_variables), gen.trainable_variables))
    d_opt.apply_gradients(zip(d_tape.gradient(d_loss, disc.trainable_variables), disc.trainable_variables))
    return g_loss, d_loss


for _ in range(2):
    train_step(tf.random.normal((16, 2)) * 0.3 + 2.0)
