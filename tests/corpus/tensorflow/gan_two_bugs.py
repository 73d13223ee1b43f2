# gradrepl-corpus: target=gen.trainable_variables cause=stop_gradient line=16 symptom=error
import tensorflow as tf

gen = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2)])
disc = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1)])
g_opt = tf.keras.optimizers.Adam()
d_opt = tf.keras.optimizers.Adam()
bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)
real = tf.random.normal((8, 2))
noise = tf.random.normal((8, 3))

with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
    fake = gen(noise)
    d_real = disc(real)
    # the discriminator should not push gradients into the generator
    d_fake = disc(tf.stop_gradient(fake))
    g_loss = bce(tf.ones_like(d_fake), d_fake)
    d_loss = bce(tf.ones_like(d_real), d_real) + bce(tf.zeros_like(d_fake), d_fake)
g_opt.apply_gradients(zip(g_tape.gradient(g_loss, gen.trainable_variables), gen.trainable_variables))
d_opt.apply_gradients(zip(d_tape.gradient(d_loss, disc.trainable_variables), disc.trainable_variables))
