# gradrepl-corpus: target=model.trainable_variables cause=assign_breaks line=12 symptom=error
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.Adam(1e-2)
mse_metric = tf.keras.metrics.MeanSquaredError()
x = tf.random.normal((16, 4))
y = tf.random.normal((16, 1))

with tf.GradientTape() as tape:
    mse_metric.reset_state()
    mse_metric.update_state(y, model(x, training=True))
    loss = mse_metric.result()
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
