# gradrepl-corpus: target=enc.trainable_variables cause=none
import tensorflow as tf

enc = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(4, activation="sigmoid")])
dec = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(6)])
opt = tf.keras.optimizers.Adam(1e-3)
x = tf.random.normal((10, 6))
with tf.GradientTape() as tape:
    soft = enc(x)
    hard = soft + tf.stop_gradient(tf.round(soft) - soft)
    loss = tf.reduce_mean(tf.square(dec(hard) - x))
variables = enc.trainable_variables + dec.trainable_variables
grads = tape.gradient(loss, variables)
opt.apply_gradients(zip(grads, variables))
