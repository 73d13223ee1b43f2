# gradrepl-corpus: target=model.age_head.kernel cause=unused_variable line=16 symptom=grad_none
import tensorflow as tf


class MultiTask(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.trunk = tf.keras.layers.Dense(8, activation="relu")
        self.class_head = tf.keras.layers.Dense(3)
        self.age_head = tf.keras.layers.Dense(1)

    def call(self, x):
        h = self.trunk(x)
        logits = self.class_head(h)
        # the age output is kept for later
        self.last_age = self.age_head(h)
        return logits


model = MultiTask()
x = tf.random.normal((6, 4))
labels = tf.constant([0, 2, 1, 0, 1, 2])
ce = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
with tf.GradientTape() as tape:
    loss = ce(labels, model(x))
grads = tape.gradient(loss, model.trainable_variables)
print([g is None for g in grads])
