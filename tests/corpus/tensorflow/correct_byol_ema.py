# gradrepl-corpus: target=online cause=none
import tensorflow as tf

online = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(4)])
target = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(4)])
target.set_weights(online.get_weights())
opt = tf.keras.optimizers.SGD(0.05)
x1 = tf.random.normal((8, 6))
x2 = x1 + 0.1 * tf.random.normal((8, 6))
for step in range(3):
    with tf.GradientTape() as tape:
        p = tf.math.l2_normalize(online(x1), axis=1)
        z = tf.stop_gradient(tf.math.l2_normalize(target(x2), axis=1))
        loss = 2.0 - 2.0 * tf.reduce_mean(tf.reduce_sum(p * z, axis=1))
    grads = tape.gradient(loss, online.trainable_variables)
    opt.apply_gradients(zip(grads, online.trainable_variables))
    for tw, ow in zip(target.weights, online.weights):
        tw.assign(0.99 * tw + 0.01 * ow)
