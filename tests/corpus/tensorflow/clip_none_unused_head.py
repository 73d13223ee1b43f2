# gradrepl-corpus: target=model.aux.kernel cause=unused_variable line=14 symptom=error
import tensorflow as tf


class WithAux(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.body = tf.keras.layers.Dense(16, activation="relu")
        self.head = tf.keras.layers.Dense(1)
        self.aux = tf.keras.layers.Dense(3)

    def call(self, x):
        h = self.body(x)
        self.aux_logits = self.aux(h)
        return self.head(h)


model = WithAux()
opt = tf.keras.optimizers.Adam(1e-3)
x = tf.random.normal((8, 4))
y = tf.random.normal((8, 1))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.square(model(x, training=True) - y))
grads = tape.gradient(loss, model.trainable_variables)
grads = [tf.clip_by_norm(g, 1.0) for g in grads]
opt.apply_gradients(zip(grads, model.trainable_variables))
