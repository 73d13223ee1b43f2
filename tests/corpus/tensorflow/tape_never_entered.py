# gradrepl-corpus: target=model.trainable_variables cause=outside_tape line=9 symptom=error
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(8, activation="relu"), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.Adam(1e-3)
x = tf.random.normal((16, 4))
y = tf.random.normal((16, 1))

tape = tf.GradientTape()
pred = model(x, training=True)
loss = tf.reduce_mean(tf.square(pred - y))
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
