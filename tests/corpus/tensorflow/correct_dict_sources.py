# gradrepl-corpus: target=enc.trainable_variables cause=none
# gradrepl-corpus: target=dec.trainable_variables cause=none
import tensorflow as tf

enc = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(3)])
dec = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(8)])
opt = tf.keras.optimizers.Adam(1e-3)
x = tf.random.normal((16, 8))
with tf.GradientTape() as tape:
    recon = dec(enc(x))
    loss = tf.reduce_mean(tf.square(recon - x))
grads = tape.gradient(loss, {"enc": enc.trainable_variables, "dec": dec.trainable_variables})
opt.apply_gradients(zip(grads["enc"] + grads["dec"], enc.trainable_variables + dec.trainable_variables))
