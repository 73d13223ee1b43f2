# gradrepl-corpus: target=model.heads["price"].kernel cause=unused_variable line=12 symptom=grad_none
import tensorflow as tf


class Shared(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.body = tf.keras.layers.Dense(16, activation="relu")
        self.heads = {"price": tf.keras.layers.Dense(1), "category": tf.keras.layers.Dense(4)}

    def call(self, x, task="price"):
        return self.heads[task](self.body(x))


model = Shared()
opt = tf.keras.optimizers.Adam(1e-3)
x = tf.random.normal((8, 5))
price = tf.random.normal((8, 1))
category = tf.constant([0, 1, 2, 3, 0, 1, 2, 3])
ce = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
for task in model.heads:
    model(x, task=task)
for step, task in enumerate(["price", "category"]):
    with tf.GradientTape() as tape:
        out = model(x, task=task)
        loss = tf.reduce_mean((out - price) ** 2) if task == "price" else ce(category, out)
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
