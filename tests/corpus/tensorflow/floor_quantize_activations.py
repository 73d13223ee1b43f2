# gradrepl-corpus: target=enc.trainable_variables cause=non_differentiable_op line=12 symptom=error
import tensorflow as tf

enc = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(4, activation="sigmoid")])
dec = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(8)])
opt = tf.keras.optimizers.Adam(1e-3)
levels = 8.0

x = tf.random.normal((10, 8))
with tf.GradientTape() as tape:
    code = enc(x)
    q = tf.floor(code * levels) / levels
    recon = dec(q)
    loss = tf.reduce_mean(tf.square(recon - x))
grads = tape.gradient(loss, enc.trainable_variables)
opt.apply_gradients(zip(grads, enc.trainable_variables))
