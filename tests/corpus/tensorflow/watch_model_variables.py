# gradrepl-corpus: target=model cause=keras_variable_watch line=9 symptom=error
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(4, activation="tanh"), tf.keras.layers.Dense(1)])
x = tf.random.normal((10, 3))
y = tf.random.normal((10, 1))

with tf.GradientTape(persistent=True) as tape:
    tape.watch(model.trainable_variables)
    loss = tf.reduce_mean((model(x) - y) ** 2)
grads = tape.gradient(loss, model.trainable_variables)
del tape
