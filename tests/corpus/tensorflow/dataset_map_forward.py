# gradrepl-corpus: target=model.trainable_variables cause=outside_tape line=10 symptom=error
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model(tf.zeros((1, 3)))
opt = tf.keras.optimizers.SGD(0.1)
x = tf.random.normal((32, 3))
y = tf.random.normal((32, 1))

ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(8).map(lambda xb, yb: (model(xb), yb))
for pred, yb in ds:
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(pred - yb))
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
