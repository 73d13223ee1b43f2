# gradrepl-corpus: target=model.trainable_variables cause=int_dtype line=13 symptom=error
import tensorflow as tf


class Int8Sim(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.fc1 = tf.keras.layers.Dense(8)
        self.fc2 = tf.keras.layers.Dense(1)

    def call(self, x):
        h = self.fc1(x)
        h_q = tf.cast(tf.clip_by_value(h * 16.0, -128.0, 127.0), tf.int8)
        h = tf.cast(h_q, tf.float32) / 16.0
        return self.fc2(h)


model = Int8Sim()
opt = tf.keras.optimizers.Adam(1e-3)
x = tf.random.normal((8, 4))
y = tf.random.normal((8, 1))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.square(model(x) - y))
variables = model.fc1.trainable_variables
grads = tape.gradient(loss, variables)
opt.apply_gradients(zip(grads, variables))
