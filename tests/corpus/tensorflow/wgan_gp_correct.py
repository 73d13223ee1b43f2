# gradrepl-corpus: target=critic cause=none
import tensorflow as tf

critic = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(8, activation="tanh"), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.Adam(1e-4)
real = tf.random.normal((8, 2))
fake = tf.random.normal((8, 2)) + 1.0

with tf.GradientTape() as tape:
    alpha = tf.random.uniform((8, 1))
    mixed = alpha * real + (1 - alpha) * fake
    with tf.GradientTape() as inner:
        inner.watch(mixed)
        scores = critic(mixed)
    g = inner.gradient(scores, mixed)
    penalty = tf.reduce_mean((tf.norm(g, axis=1) - 1.0) ** 2)
    loss = tf.reduce_mean(critic(fake)) - tf.reduce_mean(critic(real)) + 10.0 * penalty
grads = tape.gradient(loss, critic.trainable_variables)
opt.apply_gradients(zip(grads, critic.trainable_variables))
