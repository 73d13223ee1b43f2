# gradrepl-corpus: target=discriminator.trainable_variables cause=tape_reused line=24 symptom=error
import tensorflow as tf

generator = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(2)])
discriminator = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1)])
g_opt = tf.keras.optimizers.Adam(1e-4)
d_opt = tf.keras.optimizers.Adam(1e-4)
bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)
real = tf.random.normal((8, 2))
noise = tf.random.normal((8, 4))
generator(noise)
discriminator(real)

with tf.GradientTape() as tape:
    fake = generator(noise, training=True)
    real_out = discriminator(real, training=True)
    fake_out = discriminator(fake, training=True)
    g_loss = bce(tf.ones_like(fake_out), fake_out)
    d_loss = bce(tf.ones_like(real_out), real_out) + bce(tf.zeros_like(fake_out), fake_out)

g_grads = tape.gradient(g_loss, generator.trainable_variables)
g_opt.apply_gradients(zip(g_grads, generator.trainable_variables))

d_grads = tape.gradient(d_loss, discriminator.trainable_variables)
d_opt.apply_gradients(zip(d_grads, discriminator.trainable_variables))
