# gradrepl-corpus: target=generator.trainable_variables cause=stop_gradient line=14 symptom=error
import tensorflow as tf

latent = 4
generator = tf.keras.Sequential([tf.keras.Input((latent,)), tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(2)])
critic = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1)])
bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)
g_opt = tf.keras.optimizers.Adam(1e-3)
d_opt = tf.keras.optimizers.Adam(1e-3)


def score_fake(fake):
    # the critic must not update the generator
    return critic(tf.stop_gradient(fake), training=True)


real = tf.random.normal((32, 2)) * 0.5 + 1.0
for step in range(2):
    noise = tf.random.normal((32, latent))
    with tf.GradientTape() as d_tape:
        fake = generator(noise, training=True)
        d_real = critic(real, training=True)
        d_fake = score_fake(fake)
        d_loss = bce(tf.ones_like(d_real), d_real) + bce(tf.zeros_like(d_fake), d_fake)
    d_grads = d_tape.gradient(d_loss, critic.trainable_variables)
    d_opt.apply_gradients(zip(d_grads, critic.trainable_variables))

    with tf.GradientTape() as g_tape:
        fake = generator(noise, training=True)
        g_out = score_fake(fake)
        g_loss = bce(tf.ones_like(g_out), g_out)
    g_grads = g_tape.gradient(g_loss, generator.trainable_variables)
    g_opt.apply_gradients(zip(g_grads, generator.trainable_variables))
