# gradrepl-corpus: target=enc.trainable_variables cause=outside_tape line=21 symptom=grad_none
import tensorflow as tf


class Encoder(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d1 = tf.keras.layers.Dense(8, activation="relu")
        self.d2 = tf.keras.layers.Dense(4)

    def call(self, x):
        return self.d2(self.d1(x))


enc = Encoder()
head = tf.keras.layers.Dense(1)
x = tf.random.normal((10, 5))
y = tf.random.normal((10, 1))
with tf.GradientTape() as tape:
    with tape.stop_recording():
        feats = enc(x)
    loss = tf.reduce_mean(tf.square(head(feats) - y))
grads = tape.gradient(loss, enc.trainable_variables + head.trainable_variables)
print([g is None for g in grads])
