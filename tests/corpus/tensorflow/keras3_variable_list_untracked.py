# gradrepl-corpus: target=model.mix[1] cause=keras_wrong_variables line=22 symptom=grad_none
import tensorflow as tf


class Mixture(tf.keras.Model):
    def __init__(self, k):
        super().__init__()
        self.experts = [tf.keras.layers.Dense(1) for _ in range(k)]
        self.mix = [tf.Variable(1.0 / k) for _ in range(k)]

    def call(self, x):
        return tf.add_n([m * e(x) for m, e in zip(self.mix, self.experts)])


model = Mixture(3)
opt = tf.keras.optimizers.Adam(1e-2)
x = tf.random.normal((16, 4))
y = tf.random.normal((16, 1))
for _ in range(2):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
