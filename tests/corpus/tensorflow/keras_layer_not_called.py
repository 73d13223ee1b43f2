# gradrepl-corpus: target=model.aux.kernel cause=keras_layer_not_called line=10 symptom=grad_none
import keras
import tensorflow as tf


class TwoHeads(keras.Model):
    def __init__(self):
        super().__init__()
        self.body = keras.layers.Dense(8, activation="relu")
        self.aux = keras.layers.Dense(2)
        self.main = keras.layers.Dense(1)

    def build(self, input_shape):
        self.body.build(input_shape)
        self.aux.build((input_shape[0], 8))
        self.main.build((input_shape[0], 8))

    def call(self, x):
        h = self.body(x)
        return self.main(h)


model = TwoHeads()
model.build((None, 5))
x = tf.random.normal((4, 5))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(model(x) ** 2)
grads = tape.gradient(loss, model.trainable_variables)
print([g is None for g in grads])
