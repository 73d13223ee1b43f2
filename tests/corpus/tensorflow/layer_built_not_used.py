# gradrepl-corpus: target=model.proj cause=keras_layer_not_called line=9 symptom=grad_none
import tensorflow as tf


class Encoder(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.embed = tf.keras.layers.Dense(16, activation="relu")
        self.proj = tf.keras.layers.Dense(4)
        self.head = tf.keras.layers.Dense(1)

    def build(self, input_shape):
        self.embed.build(input_shape)
        self.proj.build((None, 16))
        self.head.build((None, 16))

    def call(self, x):
        return self.head(self.embed(x))


model = Encoder()
model.build((None, 8))
x = tf.random.normal((5, 8))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(model(x) ** 2)
grads = tape.gradient(loss, model.trainable_variables)
