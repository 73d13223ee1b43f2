# gradrepl-corpus: target=model.trainable_variables cause=keras_model_not_built line=20 symptom=error
import tensorflow as tf


class Regressor(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = tf.keras.layers.Dense(16, activation="relu")
        self.out = tf.keras.layers.Dense(1)

    def call(self, x):
        return self.out(self.hidden(x))


model = Regressor()
optimizer = tf.keras.optimizers.SGD(0.01)
x = tf.random.normal((32, 3))
y = tf.random.normal((32, 1))

params = model.trainable_variables
for step in range(2):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((model(x) - y) ** 2)
    grads = tape.gradient(loss, params)
    optimizer.apply_gradients(zip(grads, params))
