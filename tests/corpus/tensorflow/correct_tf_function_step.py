# gradrepl-corpus: target=model.trainable_variables cause=none
import tensorflow as tf

inputs = tf.keras.Input((10,))
h = tf.keras.layers.Dense(32, activation="relu")(inputs)
h = tf.keras.layers.Dropout(0.1)(h)
outputs = tf.keras.layers.Dense(4)(h)
model = tf.keras.Model(inputs, outputs)
opt = tf.keras.optimizers.Adam(1e-3)
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
acc = tf.keras.metrics.SparseCategoricalAccuracy()


@tf.function
def train_step(xb, yb):
    with tf.GradientTape() as tape:
        logits = model(xb, training=True)
        loss = loss_fn(yb, logits)
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
    acc.update_state(yb, logits)
    return loss


ds = tf.data.Dataset.from_tensor_slices((tf.random.normal((64, 10)), tf.random.uniform((64,), 0, 4, dtype=tf.int64))).batch(16)
for xb, yb in ds:
    loss = train_step(xb, yb)
print(float(loss), float(acc.result()))
