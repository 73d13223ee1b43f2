# gradrepl-corpus: target=encoder.trainable_variables cause=numpy_roundtrip line=14 symptom=grad_none
# gradrepl-corpus: target=decoder.trainable_variables cause=none
import tensorflow as tf

encoder = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(2)])
decoder = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(8)])
opt = tf.keras.optimizers.Adam()
x = tf.random.normal((16, 8))
params = encoder.trainable_variables + decoder.trainable_variables

for step in range(2):
    with tf.GradientTape() as tape:
        # keep the codes for the scatter plot
        codes = encoder(x).numpy()
        recon = decoder(codes)
        loss = tf.reduce_mean((recon - x) ** 2)
    grads = tape.gradient(loss, params)
    opt.apply_gradients((g, v) for g, v in zip(grads, params) if g is not None)
