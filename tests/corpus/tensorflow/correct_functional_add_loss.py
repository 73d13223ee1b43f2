# gradrepl-corpus: target=model cause=none
import tensorflow as tf

inputs = tf.keras.Input((5,))
h = tf.keras.layers.Dense(8, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(1e-3))(inputs)
out_a = tf.keras.layers.Dense(1, name="a")(h)
out_b = tf.keras.layers.Dense(2, name="b")(h)
model = tf.keras.Model(inputs, [out_a, out_b])
opt = tf.keras.optimizers.Adam()
x = tf.random.normal((12, 5))
ya = tf.random.normal((12, 1))
yb = tf.random.uniform((12,), 0, 2, dtype=tf.int32)
ce = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
with tf.GradientTape() as tape:
    pa, pb = model(x, training=True)
    loss = tf.reduce_mean((pa - ya) ** 2) + ce(yb, pb) + tf.add_n(model.losses)
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
