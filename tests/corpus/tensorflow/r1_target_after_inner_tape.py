# gradrepl-corpus: target=real cause=outside_tape line=14 symptom=error
import tensorflow as tf

disc = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(16, activation="softplus"), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.Adam(1e-4)
gamma = 5.0
real = tf.random.normal((16, 2)) + 1.0
fake = tf.random.normal((16, 2))

with tf.GradientTape() as tape:
    with tf.GradientTape() as r1_tape:
        r1_tape.watch(real)
        real_logits = disc(real, training=True)
    real_grads = r1_tape.gradient(tf.reduce_sum(real_logits), real)
    r1 = tf.reduce_mean(tf.reduce_sum(tf.square(real_grads), axis=1))
    fake_logits = disc(fake, training=True)
    loss = tf.reduce_mean(tf.nn.softplus(fake_logits)) + tf.reduce_mean(tf.nn.softplus(-real_logits)) + 0.5 * gamma * r1
grads = tape.gradient(loss, disc.trainable_variables)
opt.apply_gradients(zip(grads, disc.trainable_variables))
