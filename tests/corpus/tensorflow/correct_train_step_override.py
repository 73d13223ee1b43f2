# gradrepl-corpus: target=model.trainable_variables cause=none
import numpy as np
import tensorflow as tf


class Contrastive(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.enc = tf.keras.layers.Dense(8)
        self.tracker = tf.keras.metrics.Mean(name="loss")

    def call(self, x):
        return self.enc(x)

    def train_step(self, data):
        x = data
        with tf.GradientTape() as tape:
            za = tf.math.l2_normalize(self(x + 0.05 * tf.random.normal(tf.shape(x)), training=True), axis=1)
            zb = tf.math.l2_normalize(self(x + 0.05 * tf.random.normal(tf.shape(x)), training=True), axis=1)
            logits = tf.matmul(za, zb, transpose_b=True) / 0.1
            labels = tf.range(tf.shape(x)[0])
            loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.tracker.update_state(loss)
        return {"loss": self.tracker.result()}


model = Contrastive()
model.compile(optimizer="adam")
model.fit(np.random.rand(32, 6).astype("float32"), epochs=1, batch_size=8, verbose=0)
