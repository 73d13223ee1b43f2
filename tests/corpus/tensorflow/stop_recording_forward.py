# gradrepl-corpus: target=encoder.trainable_variables cause=outside_tape line=11 symptom=error
import tensorflow as tf

encoder = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(4, activation="relu")])
head = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.SGD(0.1)
x = tf.random.normal((8, 6))

with tf.GradientTape() as tape:
    with tape.stop_recording():
        features = encoder(x)
    loss = tf.reduce_mean(head(features) ** 2)
variables = encoder.trainable_variables
grads = tape.gradient(loss, variables)
opt.apply_gradients(zip(grads, variables))
