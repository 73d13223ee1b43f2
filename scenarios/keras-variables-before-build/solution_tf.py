"""Train a subclassed Keras regressor with a custom loop."""
import keras
import tensorflow as tf


class Regressor(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = keras.layers.Dense(16, activation="relu")
        self.out = keras.layers.Dense(1)

    def call(self, x):
        return self.out(self.hidden(x))


keras.utils.set_random_seed(0)
x = tf.random.normal([32, 3])
y = tf.reduce_sum(x, axis=1, keepdims=True)
model = Regressor()
opt = keras.optimizers.Adam(1e-2)

for step in range(3):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((model(x) - y) ** 2)
    # read the variables after the first call has created them, not before
    variables = model.trainable_variables
    grads = tape.gradient(loss, variables)
    opt.apply_gradients(zip(grads, variables))
    print(step, float(loss))
