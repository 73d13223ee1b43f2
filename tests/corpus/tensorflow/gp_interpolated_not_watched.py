# gradrepl-corpus: target=mixed cause=constant_not_watched line=11 symptom=error
import tensorflow as tf

critic = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(8, activation="tanh"), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.Adam(1e-4)
real = tf.random.normal((16, 3))
fake = tf.random.normal((16, 3)) + 2.0

with tf.GradientTape() as tape:
    eps = tf.random.uniform((16, 1))
    mixed = eps * real + (1.0 - eps) * fake
    with tf.GradientTape() as gp_tape:
        score = critic(mixed, training=True)
    slope = gp_tape.gradient(score, mixed)
    norm = tf.sqrt(tf.reduce_sum(tf.square(slope), axis=1) + 1e-12)
    penalty = tf.reduce_mean((norm - 1.0) ** 2)
    w_loss = tf.reduce_mean(critic(fake)) - tf.reduce_mean(critic(real)) + 10.0 * penalty
grads = tape.gradient(w_loss, critic.trainable_variables)
opt.apply_gradients(zip(grads, critic.trainable_variables))
