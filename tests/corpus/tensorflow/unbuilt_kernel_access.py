# gradrepl-corpus: target=model.dense.kernel cause=keras_model_not_built line=15 symptom=error
import tensorflow as tf


class Scorer(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(1)

    def call(self, x):
        return self.dense(x)


model = Scorer()
initial = tf.identity(model.dense.kernel)
x = tf.random.normal((4, 3))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(model(x))
grads = tape.gradient(loss, model.trainable_variables)
