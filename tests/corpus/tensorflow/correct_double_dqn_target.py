# gradrepl-corpus: target=online.trainable_variables cause=none
import tensorflow as tf

online = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(24, activation="relu"), tf.keras.layers.Dense(2)])
target = tf.keras.models.clone_model(online)
target.set_weights(online.get_weights())
opt = tf.keras.optimizers.Adam(1e-3)
huber = tf.keras.losses.Huber()

s = tf.random.normal((8, 4))
a = tf.constant([0, 1, 1, 0, 1, 0, 0, 1])
r = tf.random.normal((8,))
s2 = tf.random.normal((8, 4))
done = tf.constant([0.0] * 7 + [1.0])

with tf.GradientTape() as tape:
    q = online(s)
    q_taken = tf.reduce_sum(q * tf.one_hot(a, 2), axis=1)
    best = tf.argmax(online(s2), axis=1)
    q_next = tf.reduce_sum(target(s2) * tf.one_hot(best, 2), axis=1)
    y = tf.stop_gradient(r + 0.99 * (1.0 - done) * q_next)
    loss = huber(y, q_taken)
grads = tape.gradient(loss, online.trainable_variables)
opt.apply_gradients(zip(grads, online.trainable_variables))
