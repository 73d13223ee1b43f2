# gradrepl-corpus: target=trainer.model.trainable_variables cause=outside_tape line=17 symptom=error
import tensorflow as tf


class Trainer:
    def __init__(self):
        self.model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
        self.opt = tf.keras.optimizers.SGD(0.01)

    def loss_fn(self, pred, target):
        err = pred - target
        return tf.reduce_mean(err * err)

    def step(self, x, y):
        with tf.GradientTape() as tape:
            pred = self.model(x, training=True)
        loss = self.loss_fn(pred, y)
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.opt.apply_gradients(zip(grads, self.model.trainable_variables))
        return loss


trainer = Trainer()
trainer.step(tf.random.normal((8, 3)), tf.random.normal((8, 1)))
