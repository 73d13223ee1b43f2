# gradrepl-corpus: target=discriminator cause=untrainable_variable line=6 symptom=error
import tensorflow as tf

discriminator = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(8, activation="relu"), tf.keras.layers.Dense(1)])
generator = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(2)])
discriminator.trainable = False
d_opt = tf.keras.optimizers.Adam()
bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)
real = tf.random.normal((8, 2))
with tf.GradientTape() as tape:
    out = discriminator(real)
    d_loss = bce(tf.ones_like(out), out)
grads = tape.gradient(d_loss, discriminator.trainable_variables)
d_opt.apply_gradients(zip(grads, discriminator.trainable_variables))
