# gradrepl-corpus: target=img cause=none
import tensorflow as tf

net = tf.keras.Sequential([tf.keras.Input((16, 16, 3)), tf.keras.layers.Conv2D(4, 3, activation="relu"), tf.keras.layers.Conv2D(4, 3, activation="relu")])
img = tf.random.uniform((1, 16, 16, 3))
for step in range(3):
    with tf.GradientTape() as tape:
        tape.watch(img)
        act = net(img)
        score = tf.reduce_mean(act)
    g = tape.gradient(score, img)
    g = g / (tf.math.reduce_std(g) + 1e-8)
    img = tf.clip_by_value(img + 0.01 * g, 0.0, 1.0)
