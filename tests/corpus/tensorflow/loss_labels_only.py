# gradrepl-corpus: target=model.trainable_variables cause=unused_variable line=11 symptom=error
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
mse = tf.keras.losses.MeanSquaredError()
opt = tf.keras.optimizers.SGD(0.1)
x = tf.random.normal((8, 3))
y = tf.random.normal((8, 1))

with tf.GradientTape() as tape:
    y_pred = model(x)
    loss = mse(y, y)
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
