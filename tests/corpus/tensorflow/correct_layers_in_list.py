# gradrepl-corpus: target=model.trainable_variables cause=none
import tensorflow as tf


class DeepMLP(tf.keras.Model):
    def __init__(self, widths):
        super().__init__()
        self.blocks = []
        for w in widths:
            self.blocks.append(tf.keras.layers.Dense(w, activation="relu"))
        self.out = tf.keras.layers.Dense(1)

    def call(self, x):
        for block in self.blocks:
            x = block(x)
        return self.out(x)


model = DeepMLP([16, 16, 8])
opt = tf.keras.optimizers.Adam(1e-3)
x = tf.random.normal((32, 4))
y = tf.reduce_sum(x, axis=1, keepdims=True)
for step in range(3):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
