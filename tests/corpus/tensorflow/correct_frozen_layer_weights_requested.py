# gradrepl-corpus: target=model.layers[0].kernel cause=none
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input((6,)),
    tf.keras.layers.Dense(8, activation="relu", trainable=False),
    tf.keras.layers.Dense(1),
])
x = tf.random.normal((10, 6))
y = tf.random.normal((10, 1))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.square(model(x) - y))
grads = tape.gradient(loss, model.weights)
for v, g in zip(model.weights, grads):
    print(v.path, "None" if g is None else "ok")
